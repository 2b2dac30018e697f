import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { producerConnection } from '../jobs/job-queue.js';

export const DELIVERY_QUEUE = 'webhook-deliveries';
export const BACKOFF_TYPE = 'webhook';

export interface DeliveryJobData {
  deliveryId: string;
}

/**
 * The job id of a delivery's current run: the delivery id itself, suffixed per redelivery. Adding a job
 * whose id exists is a no-op in BullMQ, so a relay that enqueues the same delivery twice makes one job.
 */
export function deliveryJobId(delivery: { id: string; redeliveries: number }): string {
  return delivery.redeliveries === 0 ? delivery.id : `${delivery.id}-r${delivery.redeliveries}`;
}

/** The delivery worker's connection: BullMQ workers need `maxRetriesPerRequest: null` (blocking reads). */
export function redisConnection(config: AppConfig): Redis {
  return new Redis(config.redisUrl, { maxRetriesPerRequest: null });
}

export class DeliveryQueueUnavailableError extends AppError {
  constructor(cause: unknown) {
    super('SERVICE_UNAVAILABLE', 'the webhook delivery queue (Redis) is unavailable; retry shortly', [], { 'Retry-After': '5' });
    this.cause = cause;
  }
}

/**
 * The producer side of the delivery queue (the relay and redeliver enqueue through it). Its connection
 * fails fast (no offline queue, a command timeout, the jobs producer's settings): while Redis is down a
 * redeliver answers 503 at once and a relay run ends (its rows are retried), instead of both waiting for
 * Redis and holding up shutdown. Each step also has a deadline, for the first connect.
 */
@Injectable()
export class DeliveryQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryQueue.name);
  private readonly connection: Redis;
  readonly queue: Queue<DeliveryJobData>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = new Redis(producerConnection(config));
    this.queue = new Queue<DeliveryJobData>(DELIVERY_QUEUE, { connection: this.connection, prefix: config.webhooks.queuePrefix });
    // Without a listener BullMQ prints raw connection errors; callers get their own 503 per step.
    this.queue.on('error', (error) => this.logger.warn(`webhook queue connection: ${error.message}`));
  }

  /** Whether the delivery's current run has a BullMQ job (waiting, delayed, active or kept after finishing). */
  async hasJob(delivery: { id: string; redeliveries: number }): Promise<boolean> {
    return (await this.step(() => this.queue.getJob(deliveryJobId(delivery)))) !== undefined;
  }

  async enqueue(delivery: { id: string; redeliveries: number }): Promise<void> {
    const day = 24 * 3600;
    await this.step(() => this.queue.add(
      'deliver',
      { deliveryId: delivery.id },
      {
        jobId: deliveryJobId(delivery),
        attempts: this.config.webhooks.maxAttempts,
        backoff: { type: BACKOFF_TYPE },
        // Finished jobs stay a while so a late duplicate enqueue still dedupes; the delivery row is the record.
        removeOnComplete: { age: 7 * day },
        removeOnFail: { age: 7 * day },
      },
    ));
  }

  /** Runs one queue step; a Redis failure, or no answer within the deadline, is a 503. */
  private async step<T>(work: () => Promise<T>): Promise<T> {
    const deadlineMs = 2 * this.config.jobs.redisCommandTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from Redis within ${deadlineMs} ms`)), deadlineMs);
    });
    try {
      return await Promise.race([work(), deadline]);
    } catch (error) {
      throw new DeliveryQueueUnavailableError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // Shutdown must not wait for Redis: close() gets the step deadline, then the socket is dropped.
    await this.step(() => this.queue.close()).catch(() => undefined);
    this.connection.disconnect();
  }
}
