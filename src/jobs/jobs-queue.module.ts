import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import type { ConnectionOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { JOBS_QUEUE, queuePrefix } from './job-queue.js';
import { JobReconciler } from './job-reconciler.js';
import { JobStore } from './job-store.js';
import { QUEUE_REDIS, QueueRedisModule } from './queue-redis.module.js';

/** The producer side of the queue (its own BullMQ config key, so other modules' queues keep theirs). */
export const JOBS_BULL_CONFIG = 'staffplan-jobs';

/** Redis' events stream is capped: the database, not the stream, is the job history. */
const EVENTS_STREAM_MAX_LEN = 1_000;

const queueRegistration = BullModule.registerQueue({ name: JOBS_QUEUE, configKey: JOBS_BULL_CONFIG });

/** The jobs queue and the job rows, shared by the API role (submits, reads) and the worker role (solves). */
@Module({
  imports: [
    QueueRedisModule,
    BullModule.forRootAsync(JOBS_BULL_CONFIG, {
      imports: [QueueRedisModule],
      inject: [APP_CONFIG, QUEUE_REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        connection: redis as unknown as ConnectionOptions,
        prefix: queuePrefix(config),
        streams: { events: { maxLen: EVENTS_STREAM_MAX_LEN } },
      }),
    }),
    queueRegistration,
  ],
  // The reconciler lives with the queue: one per process, whatever the role.
  providers: [JobStore, JobReconciler],
  exports: [queueRegistration, QueueRedisModule, JobStore],
})
export class JobsQueueModule {}
