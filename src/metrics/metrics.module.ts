import { Global, Module } from '@nestjs/common';
import { JobsQueueModule } from '../jobs/jobs-queue.module.js';
import { JobMetrics } from './job-metrics.js';
import { MetricsController } from './metrics.controller.js';

/** Prometheus metrics: JobMetrics everywhere, GET /metrics in the HTTP roles. */
@Global()
@Module({
  imports: [JobsQueueModule],
  controllers: [MetricsController],
  providers: [JobMetrics],
  exports: [JobMetrics],
})
export class MetricsModule {}
