import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { OutboxClaims } from '../outbox/outbox-claims.js';
import type { OutboxEventEntity } from '../outbox/outbox-event.entity.js';
import { DeliveryQueue } from './delivery-queue.js';
import { DeliveryStore } from './delivery-store.js';

const BATCH_SIZE = 100;

/**
 * Moves committed outbox rows to the delivery queue. Per event: make its delivery rows (idempotent ids),
 * enqueue one job per pending delivery (job id = delivery id, so a repeated enqueue is a no-op), then mark
 * the row dispatched. A crash anywhere in between leaves the row undispatched; the next run repeats the
 * steps and changes nothing that was already done: no event is lost and none is sent twice.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly claims: OutboxClaims,
    private readonly store: DeliveryStore,
    private readonly deliveryQueue: DeliveryQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Relays everything pending now; returns how many events were dispatched. Overlapping calls share one run. */
  runOnce(): Promise<number> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox relay run failed'))
        .finally(() => this.schedule(this.config.webhooks.relayPollIntervalMs));
    }, delayMs);
  }

  private async drain(): Promise<number> {
    let dispatched = 0;
    for (;;) {
      const claim = await this.claims.claim(BATCH_SIZE, this.config.webhooks.relayLeaseMs);
      for (const event of claim.events) {
        if (await this.relayEvent(event, claim.token)) dispatched += 1;
      }
      if (claim.events.length < BATCH_SIZE || this.stopped) break;
    }
    await this.sweepPending();
    return dispatched;
  }

  /**
   * Pending deliveries older than the relay lease that have no BullMQ job get one (same deterministic job
   * id, so a job that exists is never doubled). They come from an event already marked dispatched whose
   * enqueue was lost, or a redeliver that answered 503 after resetting the row.
   */
  async sweepPending(): Promise<number> {
    let enqueued = 0;
    try {
      for (const delivery of await this.store.stalePending(this.config.webhooks.relayLeaseMs, BATCH_SIZE)) {
        if (this.stopped) break;
        if (await this.deliveryQueue.hasJob(delivery)) continue;
        await this.deliveryQueue.enqueue(delivery);
        enqueued += 1;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'sweeping pending deliveries failed; the next run sweeps again');
    }
    if (enqueued > 0) this.logger.log(`re-enqueued ${enqueued} pending deliveries that had no queued job`);
    return enqueued;
  }

  /** One event; a failure is logged and the row is retried when its lease lapses. */
  private async relayEvent(event: OutboxEventEntity, token: string): Promise<boolean> {
    try {
      const deliveries = await this.store.ensureDeliveries(event);
      for (const delivery of deliveries) {
        if (delivery.status === 'pending') await this.deliveryQueue.enqueue(delivery);
      }
      return await this.claims.markDispatched(event.id, token);
    } catch (error) {
      this.logger.warn({ err: error, eventId: event.id }, 'relaying an outbox event failed; it is retried after its lease');
      return false;
    }
  }
}
