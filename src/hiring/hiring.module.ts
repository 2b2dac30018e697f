import { Module } from '@nestjs/common';
import { JobsApiModule } from '../jobs/jobs-api.module.js';
import { HiringController } from './hiring.controller.js';

/** POST /v1/hiring-forecasts, GET /v1/hiring-forecasts/latest and /in-demand-skills (issue 5). */
@Module({
  imports: [JobsApiModule],
  controllers: [HiringController],
})
export class HiringModule {}
