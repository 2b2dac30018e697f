import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type IdempotencyState = 'in-progress' | 'completed';

/**
 * One POST sent with an Idempotency-Key: who sent it (API key), where (method and path), the hash of its
 * body, and once answered the answer itself (status, body, Location) to hand back on a retry.
 */
@Entity('idempotency_records')
export class IdempotencyRecordEntity {
  /** sha256 of (apiKeyId, route, idempotencyKey): one row per key per caller per route. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  apiKeyId: string;

  @Column({ type: 'varchar', length: 1000 })
  route: string;

  @Column({ type: 'varchar', length: 255 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 20 })
  state: IdempotencyState;

  /** Random token of the request holding the row, so only it completes or releases it. */
  @Column({ type: 'varchar', length: 64 })
  owner: string;

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'simple-json', nullable: true })
  responseBody: unknown;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  /** In progress: the end of the request's lease; completed: when the stored answer is forgotten. */
  @Index('idx_idempotency_records_expires')
  @Column({ type: 'varchar', length: 30 })
  expiresAt: string;
}
