import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { StoreTransactions } from '../database/store-transactions.js';
import { OutboxEventEntity } from '../outbox/outbox-event.entity.js';
import type { Decision } from './delivery-policy.js';
import { subscriptionLock } from './subscriptions.service.js';
import { WebhookDeliveryAttemptEntity } from './webhook-delivery-attempt.entity.js';
import { WebhookDeliveryEntity, type DeliveryStatus } from './webhook-delivery.entity.js';
import type { SendResult } from './webhook-sender.js';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity.js';

/** The same (event, subscription) always gives the same delivery id: the relay's idempotency key. */
export function deliveryIdFor(eventId: string, subscriptionId: string): string {
  return `dlv_${createHash('sha256').update(`${eventId}\n${subscriptionId}`).digest('hex').slice(0, 40)}`;
}

export function wantsEvent(subscription: Pick<WebhookSubscriptionEntity, 'events'>, eventType: string): boolean {
  return subscription.events.includes('*') || subscription.events.includes(eventType);
}

export function isFinished(status: DeliveryStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

export interface AttemptContext {
  delivery: WebhookDeliveryEntity;
  subscription: WebhookSubscriptionEntity | null;
  event: OutboxEventEntity | null;
}

const ERROR_CHARS = 1000;

/** Every write of deliveries and their effect on subscriptions (failure counts, disabling). */
@Injectable()
export class DeliveryStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: StoreTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The event's deliveries: one per enabled subscription that wants it. Rows a previous (crashed) relay
   * run made are kept as they are, so running this twice creates nothing new.
   */
  ensureDeliveries(event: OutboxEventEntity): Promise<WebhookDeliveryEntity[]> {
    return this.transactions.run(`webhook-event:${event.id}`, async (manager) => {
      const subscriptions = await manager.find(WebhookSubscriptionEntity, { where: { status: 'enabled' }, order: { id: 'ASC' } });
      const existing = await manager.find(WebhookDeliveryEntity, { where: { eventId: event.id } });
      const known = new Set(existing.map((delivery) => delivery.id));
      const now = new Date().toISOString();
      const created = subscriptions
        .filter((subscription) => wantsEvent(subscription, event.eventType))
        .map((subscription) => newDelivery(event, subscription.id, now))
        .filter((delivery) => !known.has(delivery.id));
      if (created.length > 0) await manager.insert(WebhookDeliveryEntity, created);
      return [...existing, ...created].sort((a, b) => a.id.localeCompare(b.id));
    });
  }

  /**
   * Pending deliveries unchanged for longer than `olderThanMs`, oldest first: a relay or redeliver that
   * wrote the row but could not enqueue its job (Redis down, a crash) leaves one behind.
   */
  stalePending(olderThanMs: number, limit: number): Promise<WebhookDeliveryEntity[]> {
    const before = new Date(Date.now() - olderThanMs).toISOString();
    return this.transactions.read((manager) =>
      manager.find(WebhookDeliveryEntity, { where: { status: 'pending', updatedAt: LessThan(before) }, order: { updatedAt: 'ASC', id: 'ASC' }, take: limit }),
    );
  }

  async loadAttemptContext(deliveryId: string): Promise<AttemptContext | null> {
    const manager = this.dataSource.manager;
    const delivery = await manager.findOneBy(WebhookDeliveryEntity, { id: deliveryId });
    if (!delivery) return null;
    const [subscription, event] = await Promise.all([
      manager.findOneBy(WebhookSubscriptionEntity, { id: delivery.subscriptionId }),
      manager.findOneBy(OutboxEventEntity, { id: delivery.eventId }),
    ]);
    return { delivery, subscription, event };
  }

  /** Logs the attempt and applies its decision to the delivery and to the endpoint's failure count. */
  recordAttempt(delivery: WebhookDeliveryEntity, result: SendResult, decision: Decision, startedAt: Date): Promise<void> {
    return this.transactions.run(subscriptionLock(delivery.subscriptionId), async (manager) => {
      const current = await manager.findOneByOrFail(WebhookDeliveryEntity, { id: delivery.id });
      const attempt = current.attempts + 1;
      await manager.insert(WebhookDeliveryAttemptEntity, {
        deliveryId: current.id, attempt, startedAt: startedAt.toISOString(), statusCode: result.statusCode,
        latencyMs: result.latencyMs, error: clip(result.error), outcome: decision.outcome,
      });
      const now = new Date();
      Object.assign(current, {
        attempts: attempt, lastStatusCode: result.statusCode, lastLatencyMs: result.latencyMs, lastError: clip(result.error),
        updatedAt: now.toISOString(), ...statusAfter(decision, now),
      });
      await manager.save(WebhookDeliveryEntity, current);
      await this.applyToSubscription(manager, current.subscriptionId, decision);
    });
  }

  /** A delivery that will not be attempted (endpoint disabled or deleted): failed, with the reason. */
  abandon(deliveryId: string, reason: string): Promise<void> {
    return this.transactions.run(`webhook-delivery:${deliveryId}`, async (manager) => {
      const now = new Date().toISOString();
      await manager.update(WebhookDeliveryEntity, { id: deliveryId }, {
        status: 'failed', lastError: clip(reason), nextAttemptAt: null, completedAt: now, updatedAt: now,
      });
    });
  }

  /** Like abandon, but leaves a delivery that already finished as it is. */
  abandonUnfinished(deliveryId: string, reason: string): Promise<void> {
    return this.transactions.run(`webhook-delivery:${deliveryId}`, async (manager) => {
      const now = new Date().toISOString();
      await manager
        .createQueryBuilder()
        .update(WebhookDeliveryEntity)
        .set({ status: 'failed', lastError: clip(reason), nextAttemptAt: null, completedAt: now, updatedAt: now })
        .where('id = :id AND status IN (:...open)', { id: deliveryId, open: ['pending', 'retrying'] })
        .execute();
    });
  }

  /**
   * Makes a finished delivery pending again as a new run (its job id gets a new suffix). A pending one
   * is returned unchanged so its job can be enqueued again (a no-op when it exists); a retrying one
   * already has its next attempt scheduled.
   */
  prepareRedelivery(id: string): Promise<WebhookDeliveryEntity> {
    return this.transactions.run(`webhook-delivery:${id}`, async (manager) => {
      const delivery = await manager.findOneBy(WebhookDeliveryEntity, { id });
      if (!delivery) throw new AppError('NOT_FOUND', `no webhook delivery ${id}`);
      const subscription = await manager.findOneBy(WebhookSubscriptionEntity, { id: delivery.subscriptionId });
      if (!subscription) throw new AppError('CONFLICT', `the subscription ${delivery.subscriptionId} of this delivery was deleted`);
      if (subscription.status !== 'enabled') {
        throw new AppError('CONFLICT', `the endpoint is disabled (${subscription.disabledReason}); enable it first (PATCH enabled: true)`);
      }
      if (delivery.status === 'retrying') throw new AppError('CONFLICT', `delivery ${id} is already scheduled for ${delivery.nextAttemptAt}`);
      if (delivery.status === 'pending') return delivery;
      const now = new Date().toISOString();
      Object.assign(delivery, { status: 'pending', redeliveries: delivery.redeliveries + 1, nextAttemptAt: null, completedAt: null, updatedAt: now });
      return manager.save(WebhookDeliveryEntity, delivery);
    });
  }

  private async applyToSubscription(manager: EntityManager, subscriptionId: string, decision: Decision): Promise<void> {
    const subscription = await manager.findOneBy(WebhookSubscriptionEntity, { id: subscriptionId });
    if (!subscription || decision.outcome === 'retry') return;
    const now = new Date().toISOString();
    if (decision.outcome === 'delivered') {
      if (subscription.consecutiveFailures === 0) return;
      subscription.consecutiveFailures = 0;
    } else if (decision.outcome === 'gone') {
      disable(subscription, 'the endpoint answered 410 Gone', now);
    } else {
      subscription.consecutiveFailures += 1;
      const limit = this.config.webhooks.disableAfterFailures;
      if (subscription.consecutiveFailures >= limit) disable(subscription, `${subscription.consecutiveFailures} deliveries in a row failed (limit ${limit})`, now);
    }
    subscription.updatedAt = now;
    await manager.save(WebhookSubscriptionEntity, subscription);
  }
}

function newDelivery(event: OutboxEventEntity, subscriptionId: string, now: string): WebhookDeliveryEntity {
  return Object.assign(new WebhookDeliveryEntity(), {
    id: deliveryIdFor(event.id, subscriptionId), eventId: event.id, eventType: event.eventType, subscriptionId,
    status: 'pending', attempts: 0, redeliveries: 0, lastStatusCode: null, lastLatencyMs: null, lastError: null,
    nextAttemptAt: null, createdAt: now, updatedAt: now, completedAt: null,
  });
}

function statusAfter(decision: Decision, now: Date): Pick<WebhookDeliveryEntity, 'status' | 'nextAttemptAt' | 'completedAt'> {
  if (decision.outcome === 'retry') {
    return { status: 'retrying', nextAttemptAt: new Date(now.getTime() + decision.delayMs).toISOString(), completedAt: null };
  }
  const status = decision.outcome === 'delivered' ? 'succeeded' : 'failed';
  return { status, nextAttemptAt: null, completedAt: now.toISOString() };
}

function disable(subscription: WebhookSubscriptionEntity, reason: string, now: string): void {
  if (subscription.status === 'disabled') return;
  subscription.status = 'disabled';
  subscription.disabledReason = reason;
  subscription.disabledAt = now;
}

function clip(text: string | null): string | null {
  return text === null ? null : text.slice(0, ERROR_CHARS);
}
