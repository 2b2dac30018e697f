import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ReadinessChecks } from '../health/health-indicators.registry.js';
import { queuePrefix } from './job-queue.js';
import { QUEUE_REDIS } from './queue-redis.module.js';
import { ensureReady, liveWorkers, QueueKeys } from './queue-redis.js';

/** A worker counts as consuming while its heartbeat is younger than this many heartbeat intervals. */
const HEARTBEATS_MISSED_BEFORE_DEAD = 3;

/**
 * Readiness of the jobs side: Redis answers a PING, and at least one worker (in this process or another)
 * sent a heartbeat recently — otherwise accepted jobs would only pile up.
 */
@Injectable()
export class JobsReadiness implements OnModuleInit {
  constructor(
    @Inject(QUEUE_REDIS) private readonly client: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checks: ReadinessChecks,
    private readonly health: HealthIndicatorService,
  ) {}

  onModuleInit(): void {
    const keys = new QueueKeys(queuePrefix(this.config));
    const maxAgeMs = HEARTBEATS_MISSED_BEFORE_DEAD * this.config.jobs.heartbeatMs;
    this.checks.add('redis', async () => {
      const indicator = this.health.check('redis');
      try {
        // Right after start the connection may still be connecting: wait for it briefly, not report it down.
        await ensureReady(this.client, this.config.jobs.redisCommandTimeoutMs);
        await this.client.ping();
        return indicator.up();
      } catch (error) {
        return indicator.down({ message: (error as Error).message });
      }
    });
    this.checks.add('workers', async () => {
      const indicator = this.health.check('workers');
      try {
        await ensureReady(this.client, this.config.jobs.redisCommandTimeoutMs);
        const consuming = await liveWorkers(this.client, keys, maxAgeMs);
        return consuming > 0 ? indicator.up({ consuming }) : indicator.down({ consuming, message: 'no worker is consuming the jobs queue' });
      } catch (error) {
        return indicator.down({ message: (error as Error).message });
      }
    });
  }
}
