import { Column, Entity, PrimaryColumn } from 'typeorm';

/** delivered: 2xx · retry: another attempt follows · gone: 410, endpoint disabled · failed: no more attempts */
export type AttemptOutcome = 'delivered' | 'retry' | 'gone' | 'failed';

/** One HTTP call of a delivery: what the receiver answered and how long it took. */
@Entity('webhook_delivery_attempts')
export class WebhookDeliveryAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  deliveryId: string;

  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  @Column({ type: 'varchar', length: 30 })
  startedAt: string;

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'integer' })
  latencyMs: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 20 })
  outcome: AttemptOutcome;
}
