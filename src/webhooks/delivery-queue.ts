import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';

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

/** BullMQ workers need `maxRetriesPerRequest: null` on their connection; the queue shares the setting. */
export function redisConnection(config: AppConfig): Redis {
  return new Redis(config.redisUrl, { maxRetriesPerRequest: null });
}

/** The producer side of the delivery queue (the relay and redeliver enqueue through it). */
@Injectable()
export class DeliveryQueue implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue<DeliveryJobData>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = redisConnection(config);
    this.queue = new Queue<DeliveryJobData>(DELIVERY_QUEUE, { connection: this.connection, prefix: config.webhooks.queuePrefix });
  }

  async enqueue(delivery: { id: string; redeliveries: number }): Promise<void> {
    const day = 24 * 3600;
    await this.queue.add(
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
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}
