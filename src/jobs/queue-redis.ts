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

const FIRST_CONNECT_STATES = new Set(['wait', 'connecting', 'connect']);

/**
 * Resolves when the connection is ready. Right after start the first connect is awaited (up to
 * `timeoutMs`); a connection that lost Redis ('reconnecting', 'end') fails fast, since commands would
 * fail anyway without an offline queue.
 */
export async function ensureReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  if (!FIRST_CONNECT_STATES.has(client.status)) throw new QueueUnavailableError(new Error(`redis connection is ${client.status}`));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new QueueUnavailableError(new Error(`redis connection not ready within ${timeoutMs} ms`)));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
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
