import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DeliveryAttempts, RetryLaterError } from './delivery-attempts.service.js';
import { backoffDelayMs } from './delivery-policy.js';
import { DeliveryStore } from './delivery-store.js';
import { DELIVERY_QUEUE, redisConnection, type DeliveryJobData } from './delivery-queue.js';

/**
 * Consumes the delivery queue. Retries are BullMQ's own (a failed job moves to the delayed set in one
 * Redis step, so a crash cannot drop a scheduled retry); the delay of each comes from the attempt's
 * decision (backoff or Retry-After) carried on the error.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private worker: Worker<DeliveryJobData> | null = null;
  private connection: Redis | null = null;

  constructor(
    private readonly attempts: DeliveryAttempts,
    private readonly store: DeliveryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { queuePrefix, deliveryConcurrency, backoffBaseMs } = this.config.webhooks;
    this.connection = redisConnection(this.config);
    this.worker = new Worker<DeliveryJobData>(DELIVERY_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: queuePrefix,
      concurrency: deliveryConcurrency,
      settings: {
        backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) =>
          error instanceof RetryLaterError ? error.delayMs : backoffDelayMs(attemptsMade, backoffBaseMs),
      },
    });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'webhook delivery worker error'));
    this.worker.on('failed', (job, error) => void this.giveUpAfterLastTry(job, error));
  }

  /**
   * An attempt that ended in an unexpected error (not an HTTP answer, e.g. the database was away) on
   * the job's last try: the delivery must not stay "pending" for ever.
   */
  private async giveUpAfterLastTry(job: Job<DeliveryJobData> | undefined, error: Error): Promise<void> {
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.store
      .abandonUnfinished(job.data.deliveryId, `gave up after an internal error: ${error.message}`)
      .catch((cause: unknown) => this.logger.error({ err: cause, deliveryId: job.data.deliveryId }, 'could not mark a delivery failed'));
  }

  /**
   * Lets running deliveries finish, but never waits for ever: when Redis went away and came back the
   * worker's blocking connection can keep close() pending, so after the shutdown grace the worker is
   * force-closed. A delivery cut off so is retried under the same webhook-id (receivers dedupe on it).
   */
  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    if (worker && !(await settlesWithin(worker.close(), this.config.jobs.shutdownGraceMs))) {
      this.logger.warn('webhook delivery worker did not close within the shutdown grace; forcing it');
      await settlesWithin(worker.close(true), 1_000);
    }
    this.connection?.disconnect();
  }

  private process(job: Job<DeliveryJobData>): Promise<void> {
    return this.attempts.attempt(job.data.deliveryId, job.attemptsMade + 1);
  }
}

/** True when `work` settles within `ms`; the timer never holds the process open. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
