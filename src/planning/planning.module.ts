import { Module } from '@nestjs/common';
import { JobsApiModule } from '../jobs/jobs-api.module.js';
import { PlanningController } from './planning.controller.js';

/** POST /v1/staffing-plans, POST /v1/capacity-forecasts, GET /v1/capacity-forecasts/latest. */
@Module({
  imports: [JobsApiModule],
  controllers: [PlanningController],
})
export class PlanningModule {}
