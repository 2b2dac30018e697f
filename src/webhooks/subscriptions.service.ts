import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { StoreTransactions } from '../database/store-transactions.js';
import { generateSecret } from './signing.js';
import type { CreateSubscriptionDto, SubscriptionViewDto, SubscriptionWithSecretDto, UpdateSubscriptionDto } from './subscription.dto.js';
import { checkWebhookUrl } from './url-guard.js';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity.js';

/** Every read-modify-write of one subscription (API edits, the delivery recorder) holds this lock. */
export function subscriptionLock(id: string): string {
  return `webhook-subscription:${id}`;
}

/** Managing endpoints: the URL check, secrets (shown once), rotation with an overlap, enabling/disabling. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: StoreTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(body: CreateSubscriptionDto, ownerFallback: string): Promise<SubscriptionWithSecretDto> {
    await this.assertDeliverable(body.url);
    const now = new Date().toISOString();
    const row = this.repository().create({
      id: `whs_${randomBytes(12).toString('hex')}`,
      url: body.url,
      events: normalizeEvents(body.events),
      owner: body.owner ?? ownerFallback,
      description: body.description ?? null,
      secret: generateSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
      status: 'enabled',
      disabledReason: null,
      disabledAt: null,
      consecutiveFailures: 0,
      createdAt: now,
      updatedAt: now,
    });
    await this.transactions.run(subscriptionLock(row.id), (manager) => manager.save(WebhookSubscriptionEntity, row));
    return { ...toView(row), secret: row.secret };
  }

  async list(): Promise<SubscriptionViewDto[]> {
    const rows = await this.repository().find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toView);
  }

  async get(id: string): Promise<SubscriptionViewDto> {
    return toView(await this.find(this.dataSource.manager, id));
  }

  async update(id: string, body: UpdateSubscriptionDto): Promise<SubscriptionViewDto> {
    if (body.url !== undefined) await this.assertDeliverable(body.url);
    return this.transactions.run(subscriptionLock(id), async (manager) => {
      const row = await this.find(manager, id);
      if (body.url !== undefined) row.url = body.url;
      if (body.events !== undefined) row.events = normalizeEvents(body.events);
      if (body.owner !== undefined) row.owner = body.owner;
      if (body.description !== undefined) row.description = body.description;
      if (body.enabled !== undefined) applyEnabled(row, body.enabled);
      row.updatedAt = new Date().toISOString();
      return toView(await manager.save(WebhookSubscriptionEntity, row));
    });
  }

  /** Deliveries stay in the log; the ones not yet sent fail with "subscription deleted". */
  async remove(id: string): Promise<void> {
    await this.transactions.run(subscriptionLock(id), async (manager) => {
      const row = await this.find(manager, id);
      await manager.delete(WebhookSubscriptionEntity, { id: row.id });
    });
  }

  /**
   * A new secret; the old one keeps signing for the overlap so receivers can switch without losing a
   * message. Rotating again inside an overlap retires the oldest secret.
   */
  async rotateSecret(id: string, overlapSeconds?: number): Promise<SubscriptionWithSecretDto> {
    const overlap = overlapSeconds ?? this.config.webhooks.secretOverlapSeconds;
    return this.transactions.run(subscriptionLock(id), async (manager) => {
      const row = await this.find(manager, id);
      const now = new Date();
      row.previousSecret = overlap > 0 ? row.secret : null;
      row.previousSecretExpiresAt = overlap > 0 ? new Date(now.getTime() + overlap * 1000).toISOString() : null;
      row.secret = generateSecret();
      row.updatedAt = now.toISOString();
      await manager.save(WebhookSubscriptionEntity, row);
      return { ...toView(row), secret: row.secret };
    });
  }

  private async assertDeliverable(url: string): Promise<void> {
    const refusal = await checkWebhookUrl(url, this.config.webhooks.allowedHosts);
    if (!refusal) return;
    throw new AppError('WEBHOOK_URL_REFUSED', `webhook url refused: ${refusal.message}`, [
      { field: 'url', rule: refusal.rule, message: refusal.message },
    ]);
  }

  private async find(manager: EntityManager, id: string): Promise<WebhookSubscriptionEntity> {
    const row = await manager.findOneBy(WebhookSubscriptionEntity, { id });
    if (!row) throw new AppError('NOT_FOUND', `no webhook subscription ${id}`);
    return row;
  }

  private repository() {
    return this.dataSource.getRepository(WebhookSubscriptionEntity);
  }
}

/** '*' covers everything, so a list holding it is just ['*']; otherwise sorted for a stable answer. */
function normalizeEvents(events: string[]): string[] {
  return events.includes('*') ? ['*'] : [...events].sort();
}

function applyEnabled(row: WebhookSubscriptionEntity, enabled: boolean): void {
  if (enabled) {
    row.status = 'enabled';
    row.disabledReason = null;
    row.disabledAt = null;
    row.consecutiveFailures = 0;
  } else if (row.status !== 'disabled') {
    row.status = 'disabled';
    row.disabledReason = 'disabled by an administrator';
    row.disabledAt = new Date().toISOString();
  }
}

export function toView(row: WebhookSubscriptionEntity): SubscriptionViewDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    owner: row.owner,
    description: row.description,
    status: row.status,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    consecutiveFailures: row.consecutiveFailures,
    previousSecretExpiresAt: row.previousSecretExpiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
