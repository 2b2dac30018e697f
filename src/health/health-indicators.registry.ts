import { Injectable } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';

/**
 * Readiness checks contributed by modules. The database check is built in; a module adds its own at
 * start, e.g. the jobs module:
 *
 *   constructor(registry: ReadinessChecks, health: HealthIndicatorService) {
 *     registry.add('redis', () => health.check('redis').attempt(() => redis.ping()));
 *   }
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, HealthIndicatorFunction>();

  add(name: string, check: HealthIndicatorFunction): void {
    this.checks.set(name, check);
  }

  all(): HealthIndicatorFunction[] {
    return [...this.checks.keys()].sort().map((name) => this.checks.get(name) as HealthIndicatorFunction);
  }
}
