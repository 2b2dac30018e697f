import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A product request (staffing plan, forecast, estimate) with the input snapshot it ran on, so it can be
 * reproduced and explained later. Created by the foundation's migration; the jobs module owns its use.
 */
@Entity('jobs')
@Index('idx_jobs_kind_status', ['kind', 'status'])
export class JobEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** queued | active | completed | failed | cancelled */
  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** The request body (options) as received. */
  @Column({ type: 'simple-json' })
  request: unknown;

  /** The scenario snapshot the job solves, fixed when the job was accepted. */
  @Column({ type: 'simple-json', nullable: true })
  inputSnapshot: unknown;

  @Column({ type: 'varchar', length: 64, nullable: true })
  inputHash: string | null;

  /** Unique per (API key, Idempotency-Key): the caller's retry gets the same job. */
  @Index('idx_jobs_idempotency', { unique: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  idempotencyKey: string | null;

  /** Hash of the request body that first used the idempotency key (another body → 422). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;

  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  phase: string | null;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  startedAt: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  resultId: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'simple-json', nullable: true })
  stats: Record<string, unknown> | null;

  /** Times a worker started the job (retries and crash recoveries included); migration JobAttempts. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Set when a caller cancels the job while it runs; the worker then stops and keeps the best so far. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  cancelRequestedAt: string | null;
}
