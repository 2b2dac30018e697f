/**
 * The one BullMQ queue every job kind goes through (the BullMQ job name is the kind), its named job
 * options, and the Redis connection settings of its producer and workers.
 */
import type { JobsOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { AppConfig, JobSettings } from '../config/app-config.js';
import { JOB_KIND_SPECS, type JobKind } from './job-kinds.js';

export const JOBS_QUEUE = 'staffplan-jobs';

/** What Redis carries for a job: only ids; the request and snapshot live in the database row. */
export interface QueuedJobData {
  jobId: string;
  kind: JobKind;
}

/** The shared BULLMQ_PREFIX, so one Redis can hold several deployments (and test files) apart. */
export function queuePrefix(config: AppConfig): string {
  return config.webhooks.queuePrefix;
}

/** Named job options of a kind: retries with exponential backoff, and caps on finished jobs kept in Redis. */
export function jobOptions(kind: JobKind, jobId: string, settings: JobSettings): JobsOptions {
  return {
    jobId,
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    priority: JOB_KIND_SPECS[kind].priority,
    removeOnComplete: { count: settings.keepCompleted },
    removeOnFail: { count: settings.keepFailed },
  };
}

export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * The API's connection: a command fails at once while Redis is unreachable (no offline queue, one try,
 * a short timeout), so a POST answers 503 fast instead of hanging; it reconnects in the background.
 */
export function producerConnection(config: AppConfig): RedisOptions {
  return {
    ...redisOptions(config.redisUrl),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: config.jobs.redisCommandTimeoutMs,
    connectTimeout: Math.max(1_000, config.jobs.redisCommandTimeoutMs),
    retryStrategy: (times: number) => Math.min(100 * times, 2_000),
  };
}

/** The workers' connection: BullMQ's blocking settings, reconnecting quickly after Redis comes back. */
export function workerConnection(config: AppConfig): RedisOptions {
  return {
    ...redisOptions(config.redisUrl),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, 2_000),
  };
}
