import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/scopes.decorator.js';
import { ReadinessChecks } from './health-indicators.registry.js';

/** Probes for orchestrators: public, so never rate limited (limits count per key). */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'The service can serve: database reachable, plus every registered readiness check' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database').withTimeout(2000), ...this.readiness.all()]);
  }
}
