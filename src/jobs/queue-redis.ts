/**
 * Redis as the API uses it besides the queue itself: short keys for in-flight idempotency claims,
 * cancellation requests and worker heartbeats, all under the queue's prefix. Any Redis failure becomes
 * a 503 (the service cannot schedule right now), never a 500 or a hanging request.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '../common/app-error.js';
import { JOBS_QUEUE } from './job-queue.js';

export class QueueUnavailableError extends AppError {
  constructor(cause: unknown) {
    super('SERVICE_UNAVAILABLE', 'the job queue (Redis) is unavailable; retry shortly', [], { 'Retry-After': '5' });
    this.cause = cause;
  }
}

/** Runs a Redis step; a connection or timeout error answers 503. */
export async function redisStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new QueueUnavailableError(error);
  }
}

/** Fails fast when the connection is not ready (commands would fail anyway, without an offline queue). */
export function ensureReady(client: Redis): void {
  if (client.status !== 'ready') throw new QueueUnavailableError(new Error(`redis connection is ${client.status}`));
}

export class QueueKeys {
  constructor(private readonly prefix: string) {}

  private key(...parts: string[]): string {
    return [this.prefix, JOBS_QUEUE, ...parts].join(':');
  }

  idempotencyClaim(scopedKey: string): string {
    return this.key('idempotency', createHash('sha256').update(scopedKey).digest('hex'));
  }

  cancelRequest(jobId: string): string {
    return this.key('cancel', jobId);
  }

  /** Sorted set: worker id → time of its last heartbeat (ms). */
  heartbeats(): string {
    return this.key('workers');
  }
}

/** Workers whose heartbeat is younger than `maxAgeMs`. */
export async function liveWorkers(client: Redis, keys: QueueKeys, maxAgeMs: number): Promise<number> {
  return client.zcount(keys.heartbeats(), Date.now() - maxAgeMs, '+inf');
}
