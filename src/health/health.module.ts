import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessChecks } from './health-indicators.registry.js';
import { HealthController } from './health.controller.js';

/** /health/live and /health/ready; ReadinessChecks is global so any module can add a check. */
@Global()
@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [ReadinessChecks],
  exports: [ReadinessChecks, TerminusModule],
})
export class HealthModule {}
