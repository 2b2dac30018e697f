import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { StoreTransactions } from '../database/store-transactions.js';
import { EventPublisher } from '../outbox/event-publisher.js';
import type { JobErrorView } from './job-errors.js';
import { JOB_KIND_SPECS, jobLinks, type JobKind, type JobStatus } from './job-kinds.js';
import { JobEntity } from './job.entity.js';
import { ResultEntity } from './result.entity.js';

const LOCK = 'jobs';
const SQLITE_BUSY_RETRIES = 8;

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** A unique index refused the write (PostgreSQL 23505; SQLite SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Solver statuses of a search that ran to its end: only such documents may answer another request. */
const REUSABLE_SOLVER_STATUSES: readonly string[] = ['optimal', 'feasible'];

function isTrustworthy(document: unknown): boolean {
  const solverStatus = (document as { solver?: { status?: unknown } } | null | undefined)?.solver?.status;
  return typeof solverStatus === 'string' && REUSABLE_SOLVER_STATUSES.includes(solverStatus);
}

/** An accepted job that has not finished: what the reconciler needs to queue it again. */
export interface UnfinishedJob {
  id: string;
  kind: string;
}

export type NewJob = Pick<JobEntity, 'id' | 'kind' | 'request' | 'inputSnapshot' | 'inputHash' | 'idempotencyKey' | 'requestHash'>;

function now(): string {
  return new Date().toISOString();
}

/**
 * The database side of jobs: the row is the truth the API answers from (Redis only schedules). Every
 * change of status is a conditional update, so a late cancel, a retry of a crashed attempt and a
 * completion never overwrite each other; a result and its event are written in one transaction.
 */
@Injectable()
export class JobStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: StoreTransactions,
    private readonly events: EventPublisher,
  ) {}

  find(id: string): Promise<JobEntity | null> {
    return this.dataSource.getRepository(JobEntity).findOneBy({ id });
  }

  findByIdempotencyKey(key: string): Promise<JobEntity | null> {
    return this.dataSource.getRepository(JobEntity).findOneBy({ idempotencyKey: key });
  }

  findResult(resultId: string): Promise<ResultEntity | null> {
    return this.dataSource.getRepository(ResultEntity).findOneBy({ id: resultId });
  }

  /** The newest completed job of the kind, with its result (GET …/latest). */
  async latestCompleted(kind: JobKind): Promise<{ job: JobEntity; result: ResultEntity } | null> {
    const job = await this.dataSource.getRepository(JobEntity).findOne({ where: { kind, status: 'completed' }, order: { finishedAt: 'DESC', id: 'ASC' } });
    const result = job?.resultId ? await this.findResult(job.resultId) : null;
    return job && result ? { job, result } : null;
  }

  /**
   * A completed job with the same kind, request and input snapshot whose solver finished its search
   * (status optimal or feasible): the deterministic solver would produce the same document again. A
   * document cut short (timedout), stopped by a cancel, or of a status this code does not know is never
   * handed to another caller; only `completed` rows qualify, so cancelled jobs' results never do.
   */
  async findReusable(kind: JobKind, requestHash: string, inputHash: string): Promise<{ job: JobEntity; result: ResultEntity } | null> {
    const candidates = await this.dataSource.getRepository(JobEntity).find({
      where: { kind, requestHash, inputHash, status: 'completed' },
      order: { finishedAt: 'DESC', id: 'ASC' },
      take: 5,
    });
    for (const job of candidates) {
      const result = job.resultId ? await this.findResult(job.resultId) : null;
      if (result && isTrustworthy(result.document)) return { job, result };
    }
    return null;
  }

  /** Queued or active jobs created before `createdBefore` (ISO time), oldest first; ids and kinds only (no snapshot). */
  async unfinished(createdBefore: string): Promise<UnfinishedJob[]> {
    const rows = await this.dataSource.getRepository(JobEntity).find({
      select: { id: true, kind: true },
      where: { status: In(['queued', 'active']), createdAt: LessThanOrEqual(createdBefore) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({ id: row.id, kind: row.kind }));
  }

  createQueued(job: NewJob): Promise<JobEntity> {
    const row = this.newRow(job, 'queued');
    // A plain INSERT (save() would read first, and a read-then-write transaction conflicts more often).
    return this.write(async (manager) => {
      await manager.insert(JobEntity, row as never);
      return row;
    });
  }

  /** A job answered by an earlier identical result: born completed, announced like any completion. */
  createReused(job: NewJob, from: { job: JobEntity; result: ResultEntity }): Promise<JobEntity> {
    return this.write(async (manager) => {
      const finishedAt = now();
      const row = this.newRow(job, 'completed');
      Object.assign(row, { resultId: from.result.id, progress: 100, phase: 'done', startedAt: finishedAt, finishedAt, stats: { ...from.job.stats, reusedFromJobId: from.job.id } });
      const saved = await manager.save(JobEntity, row);
      await this.publishCompleted(manager, saved, from.result.id);
      return saved;
    });
  }

  /** Removes a row whose enqueueing failed, so the caller's retry (same Idempotency-Key) starts afresh. */
  async remove(id: string): Promise<void> {
    await this.write((manager) => manager.delete(JobEntity, { id, status: 'queued' }));
  }

  /** The worker took the job (again): false when it was cancelled or finished meanwhile. */
  markActive(id: string, attempt: number): Promise<boolean> {
    return this.update(id, ['queued', 'active'], { status: 'active', startedAt: now(), attempts: attempt });
  }

  /** Progress only ever increases, across attempts too (a retry does not send a UI's bar backwards). */
  saveProgress(id: string, phase: string, percent: number): Promise<boolean> {
    const progress = Math.floor(percent);
    return this.write(async (manager) => {
      const result = await manager.update(JobEntity, { id, status: 'active', progress: LessThanOrEqual(progress) }, { phase, progress });
      return (result.affected ?? 0) > 0;
    });
  }

  /** A failed attempt that will be retried (or a job handed back on shutdown) waits in the queue again. */
  markQueuedAgain(id: string, error: JobErrorView | null): Promise<boolean> {
    return this.update(id, ['active', 'queued'], { status: 'queued', error: error ? JSON.stringify(error) : null });
  }

  requestCancel(id: string): Promise<boolean> {
    return this.update(id, ['queued', 'active'], { cancelRequestedAt: now() });
  }

  /** A cancelled solve that ended without a document: cancelled (not failed), with why there is no result. */
  cancelActive(id: string, error: JobErrorView): Promise<boolean> {
    return this.update(id, ['active'], { status: 'cancelled', finishedAt: now(), error: JSON.stringify(error) });
  }

  cancelQueued(id: string): Promise<boolean> {
    return this.update(id, ['queued'], { status: 'cancelled', finishedAt: now() });
  }

  /**
   * Stores the document once per job (a retry after a crash between commit and acknowledgement finds it
   * and stores nothing new) and finishes the job; a completion publishes its event in the same transaction.
   */
  finish(id: string, outcome: { status: 'completed' | 'cancelled'; document: unknown; stats: Record<string, unknown> }): Promise<{ resultId: string } | null> {
    return this.write(async (manager) => {
      const job = await manager.findOneBy(JobEntity, { id });
      if (!job || job.status === 'failed') return null;
      const existing = await manager.findOneBy(ResultEntity, { jobId: id });
      const resultId = existing?.id ?? `res_${randomUUID()}`;
      if (!existing) await manager.save(ResultEntity, { id: resultId, jobId: id, kind: job.kind, document: outcome.document, createdAt: now() });
      if (job.status === 'completed' || job.status === 'cancelled') return { resultId: job.resultId ?? resultId };
      await manager.update(JobEntity, { id }, { status: outcome.status, resultId, finishedAt: now(), progress: 100, phase: 'done', stats: outcome.stats as never, error: null });
      if (outcome.status === 'completed') await this.publishCompleted(manager, job, resultId);
      return { resultId };
    });
  }

  /** Final failure: the job row and its `job.failed` event in one transaction (once, however often called). */
  fail(id: string, error: JobErrorView, stats: Record<string, unknown> | null = null): Promise<boolean> {
    return this.write(async (manager) => {
      const job = await manager.findOneBy(JobEntity, { id });
      if (!job || job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled') return false;
      await manager.update(JobEntity, { id }, { status: 'failed', finishedAt: now(), error: JSON.stringify(error), ...(stats ? { stats: stats as never } : {}) });
      await this.events.publishWithin(manager, { type: 'job.failed', data: { jobId: id, kind: job.kind, error, links: { self: jobLinks(id).self } } });
      return true;
    });
  }

  /**
   * A write transaction, tried again when SQLite reports the file busy: the API and worker processes of
   * one machine share the file, and a transaction that read before another process wrote must start over
   * (SQLITE_BUSY_SNAPSHOT is not covered by busy_timeout).
   */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactions.run(LOCK, work);
      } catch (error) {
        if (attempt >= SQLITE_BUSY_RETRIES || !isSqliteBusy(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 10));
      }
    }
  }

  private newRow(job: NewJob, status: JobStatus): JobEntity {
    return Object.assign(new JobEntity(), {
      ...job,
      status,
      progress: 0,
      phase: null,
      createdAt: now(),
      startedAt: null,
      finishedAt: null,
      resultId: null,
      error: null,
      stats: null,
      attempts: 0,
      cancelRequestedAt: null,
    });
  }

  private async publishCompleted(manager: EntityManager, job: JobEntity, resultId: string): Promise<void> {
    const type = JOB_KIND_SPECS[job.kind as JobKind].completedEvent;
    await this.events.publishWithin(manager, { type, data: { jobId: job.id, resultId, kind: job.kind, links: jobLinks(job.id) } });
  }

  private update(id: string, from: JobStatus[], changes: Partial<JobEntity>): Promise<boolean> {
    return this.write(async (manager) => {
      const result = await manager.update(JobEntity, { id, status: In(from) }, changes as never);
      return (result.affected ?? 0) > 0;
    });
  }
}
