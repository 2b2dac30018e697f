import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SubscriptionStatus = 'enabled' | 'disabled';

/**
 * A connected system's endpoint: where events go, which event types it wants, and the secret that signs
 * them. The secret is kept in clear because signing needs it; it is only ever shown on create and rotate.
 */
@Entity('webhook_subscriptions')
export class WebhookSubscriptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** Event types, or ['*'] for all. */
  @Column({ type: 'simple-json' })
  events: string[];

  /** The system (or team) that owns the endpoint, shown in the delivery log when it fails. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  owner: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 100 })
  secret: string;

  /** The secret before the last rotation: it keeps signing until previousSecretExpiresAt. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  previousSecret: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  previousSecretExpiresAt: string | null;

  @Index('idx_webhook_subscriptions_status')
  @Column({ type: 'varchar', length: 20 })
  status: SubscriptionStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  disabledReason: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  disabledAt: string | null;

  /** Deliveries that failed in a row; a success resets it. */
  @Column({ type: 'integer' })
  consecutiveFailures: number;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt: string;
}
