import { Module } from '@nestjs/common';
import { JobsApiModule } from '../jobs/jobs-api.module.js';
import { EstimatesController } from './estimates.controller.js';

/** POST /v1/estimates, GET /v1/estimates/{id} (issue 5). The solve itself runs as an `estimate` job. */
@Module({
  imports: [JobsApiModule],
  controllers: [EstimatesController],
})
export class EstimatesModule {}
