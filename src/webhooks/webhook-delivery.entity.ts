import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** pending: queued, not tried yet · retrying: failed, another attempt is scheduled · succeeded · failed */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event to one subscription. Its id is derived from (event id, subscription id), so a relay that
 * runs twice for the same event finds the same row and the same BullMQ job instead of making new ones.
 */
@Entity('webhook_deliveries')
@Index('idx_webhook_deliveries_subscription', ['subscriptionId', 'createdAt'])
@Index('idx_webhook_deliveries_status', ['status', 'createdAt'])
@Index('idx_webhook_deliveries_event', ['eventId'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  eventId: string;

  @Column({ type: 'varchar', length: 100 })
  eventType: string;

  @Column({ type: 'varchar', length: 40 })
  subscriptionId: string;

  @Column({ type: 'varchar', length: 20 })
  status: DeliveryStatus;

  /** Attempts over the delivery's whole life, redeliveries included. */
  @Column({ type: 'integer' })
  attempts: number;

  @Column({ type: 'integer' })
  redeliveries: number;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'integer', nullable: true })
  lastLatencyMs: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  nextAttemptAt: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  completedAt: string | null;
}
