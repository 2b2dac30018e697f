import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Transactional outbox: an event is written in the same transaction as the change it announces and sent
 * later by the webhook relay, so a crash neither loses nor duplicates it.
 */
@Entity('outbox')
@Index('idx_outbox_pending', ['dispatchedAt', 'createdAt'])
export class OutboxEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  eventType: string;

  @Column({ type: 'simple-json' })
  payload: unknown;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  dispatchedAt: string | null;

  /** Until when a relay owns this row (added by the webhooks migration); a crashed relay's claim lapses. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  claimedUntil: string | null;

  /** Which relay run claimed the row: only that run may mark it dispatched. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  claimToken: string | null;
}
