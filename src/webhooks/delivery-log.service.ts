import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { DEFAULT_DELIVERY_PAGE, type DeliveryPageDto, type DeliveryQueryDto, type DeliveryViewDto } from './delivery.dto.js';
import { DeliveryQueue } from './delivery-queue.js';
import { DeliveryStore } from './delivery-store.js';
import { WebhookDeliveryAttemptEntity } from './webhook-delivery-attempt.entity.js';
import { WebhookDeliveryEntity, type DeliveryStatus } from './webhook-delivery.entity.js';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity.js';

/** The delivery log (newest first) with each delivery's attempts and its endpoint's owner and state. */
@Injectable()
export class DeliveryLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DeliveryStore,
    private readonly deliveryQueue: DeliveryQueue,
  ) {}

  async list(query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    const where: FindOptionsWhere<WebhookDeliveryEntity> = {};
    if (query.subscriptionId) where.subscriptionId = query.subscriptionId;
    if (query.status) where.status = query.status as DeliveryStatus;
    if (query.event) where.eventType = query.event;
    const limit = query.limit ?? DEFAULT_DELIVERY_PAGE;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.dataSource.getRepository(WebhookDeliveryEntity).findAndCount({
      where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset,
    });
    return { items: await this.views(rows), total, limit, offset };
  }

  async get(id: string): Promise<DeliveryViewDto> {
    const row = await this.dataSource.manager.findOneBy(WebhookDeliveryEntity, { id });
    if (!row) throw new AppError('NOT_FOUND', `no webhook delivery ${id}`);
    return (await this.views([row]))[0];
  }

  /** Sends the same message again (same webhook-id, fresh timestamp and signature). */
  async redeliver(id: string): Promise<DeliveryViewDto> {
    const delivery = await this.store.prepareRedelivery(id);
    await this.deliveryQueue.enqueue(delivery);
    return this.get(id);
  }

  private async views(rows: WebhookDeliveryEntity[]): Promise<DeliveryViewDto[]> {
    if (rows.length === 0) return [];
    const manager = this.dataSource.manager;
    const [subscriptions, attempts] = await Promise.all([
      manager.findBy(WebhookSubscriptionEntity, { id: In([...new Set(rows.map((row) => row.subscriptionId))]) }),
      manager.find(WebhookDeliveryAttemptEntity, { where: { deliveryId: In(rows.map((row) => row.id)) }, order: { deliveryId: 'ASC', attempt: 'ASC' } }),
    ]);
    const subscriptionById = new Map(subscriptions.map((subscription) => [subscription.id, subscription]));
    return rows.map((row) => {
      const subscription = subscriptionById.get(row.subscriptionId);
      return {
        ...row,
        subscription: subscription
          ? { id: subscription.id, url: subscription.url, owner: subscription.owner, status: subscription.status, disabledReason: subscription.disabledReason }
          : null,
        attemptLog: attempts
          .filter((attempt) => attempt.deliveryId === row.id)
          .map(({ attempt, startedAt, statusCode, latencyMs, error, outcome }) => ({ attempt, startedAt, statusCode, latencyMs, error, outcome })),
      };
    });
  }
}
