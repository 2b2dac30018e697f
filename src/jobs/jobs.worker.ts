import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, WaitingError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { JobMetrics } from '../metrics/job-metrics.js';
import { errorView, finalFailureView, SolveHandedBackError } from './job-errors.js';
import { JOBS_QUEUE, producerConnection, queuePrefix, workerConnection, type QueuedJobData } from './job-queue.js';
import { JobStore } from './job-store.js';
import type { JobKind } from './job-kinds.js';
import type { JobEntity } from './job.entity.js';
import { ProgressReporter } from './progress-reporter.js';
import { QueueKeys } from './queue-redis.js';
import { SolverThreadPool, type SolveRun, type SolverThreadOptions } from './solver-threads.js';
import { solveStats } from './solve-stats.js';

export const SOLVER_THREAD_OPTIONS = Symbol('SOLVER_THREAD_OPTIONS');

/** The solver's own limit is this share of the job's hard limit: it returns its best plan before the kill. */
const SOLVER_SHARE_OF_JOB_LIMIT = 0.8;

interface ActiveSolve {
  run: SolveRun;
  handingBack: boolean;
  cancelled: boolean;
}

export interface JobOutcome {
  status: string;
  resultId?: string;
}

/**
 * The worker role: a BullMQ worker whose processor runs each solve in a solver thread, enforces the job
 * time limit, turns cancellations into "stop and keep the best so far", and stores the result with its
 * event. It announces itself with heartbeats (readiness of the API) and shuts down gracefully: it stops
 * taking jobs, lets the running ones finish within the grace period, and hands the rest back.
 */
@Injectable()
export class JobsWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobsWorker');
  private readonly workerId = `worker-${randomUUID()}`;
  private readonly keys: QueueKeys;
  private readonly pool: SolverThreadPool;
  private readonly active = new Map<string, ActiveSolve>();
  private worker: Worker<QueuedJobData, JobOutcome> | null = null;
  private redis: Redis | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOLVER_THREAD_OPTIONS) threadOptions: SolverThreadOptions,
    private readonly store: JobStore,
    private readonly metrics: JobMetrics,
  ) {
    this.keys = new QueueKeys(queuePrefix(config));
    this.pool = new SolverThreadPool(threadOptions);
  }

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.jobs;
    await this.pool.warm(settings.concurrency);
    this.redis = new Redis({ ...producerConnection(this.config), lazyConnect: false });
    this.redis.on('error', () => undefined);
    this.worker = new Worker<QueuedJobData, JobOutcome>(JOBS_QUEUE, (job, token) => this.process(job, token), {
      connection: workerConnection(this.config) as ConnectionOptions,
      prefix: queuePrefix(this.config),
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
      name: this.workerId,
    });
    this.worker.on('error', (error) => this.logger.warn(`queue connection: ${error.message}`));
    this.worker.on('failed', (job, error) => void this.recordFinalFailure(job, error));
    this.beat();
    this.heartbeat = setInterval(() => this.beat(), settings.heartbeatMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.redis?.zrem(this.keys.heartbeats(), this.workerId).catch(() => undefined);
    if (this.worker) {
      const closing = this.worker.close();
      const finished = await Promise.race([closing.then(() => true), delay(this.config.jobs.shutdownGraceMs).then(() => false)]);
      if (!finished) this.handBackActive();
      await closing;
    }
    await this.pool.destroy();
    this.redis?.disconnect();
  }

  private async process(job: Job<QueuedJobData, JobOutcome>, token?: string): Promise<JobOutcome> {
    const { jobId, kind } = job.data;
    const row = await this.store.find(jobId);
    if (!row) throw new UnrecoverableError(`job ${jobId} has no database row`);
    // Finished already: cancelled while it waited, or a crashed attempt committed before BullMQ heard.
    if (row.status !== 'queued' && row.status !== 'active') return { status: row.status, resultId: row.resultId ?? undefined };
    const attempt = job.attemptsStarted || job.attemptsMade + 1;
    if (!(await this.store.markActive(jobId, attempt))) return { status: 'skipped' };
    const startedAt = Date.now();
    const progress = new ProgressReporter((value) => Promise.all([job.updateProgress(value), this.store.saveProgress(jobId, value.phase, value.percent)]));
    const solve: ActiveSolve = { run: this.startSolve(row, attempt, progress), handingBack: false, cancelled: false };
    this.active.set(jobId, solve);
    const watch = setInterval(() => void this.checkCancel(jobId, solve), this.config.jobs.cancelPollMs);
    try {
      await this.checkCancel(jobId, solve);
      const document = await solve.run.document;
      await progress.flush();
      return await this.complete(row, document, solve.cancelled ? 'cancelled' : 'completed', startedAt);
    } catch (error) {
      await progress.flush();
      return await this.failAttempt(job, row, error, solve, attempt, token);
    } finally {
      clearInterval(watch);
      this.active.delete(jobId);
    }
  }

  private startSolve(row: JobEntity, attempt: number, progress: ProgressReporter): SolveRun {
    const hardLimitMs = this.config.jobs.timeLimitMs;
    return this.pool.run(
      {
        kind: row.kind as JobKind,
        scenario: row.inputSnapshot as never,
        request: row.request,
        timeLimitSeconds: (hardLimitMs * SOLVER_SHARE_OF_JOB_LIMIT) / 1000,
        context: { jobId: row.id, attempt },
      },
      { hardLimitMs, onProgress: (value) => progress.report(value) },
    );
  }

  private async complete(row: JobEntity, document: unknown, status: 'completed' | 'cancelled', startedAt: number): Promise<JobOutcome> {
    const stats = solveStats(document);
    const stored = await this.store.finish(row.id, { status, document, stats });
    this.metrics.finished(row.kind, status, { waitMs: startedAt - Date.parse(row.createdAt), runMs: Date.now() - startedAt }, stats.solver ?? {});
    return { status, resultId: stored?.resultId };
  }

  /** Hand back, retry with backoff, or fail for good (unrecoverable input, or the last attempt). */
  private async failAttempt(job: Job<QueuedJobData, JobOutcome>, row: JobEntity, error: unknown, solve: ActiveSolve, attempt: number, token?: string): Promise<JobOutcome> {
    if (solve.handingBack) {
      await this.store.markQueuedAgain(row.id, null);
      await job.moveToWait(token);
      throw new WaitingError();
    }
    const view = errorView(error);
    if (solve.cancelled) {
      await this.store.cancelActive(row.id, { code: view.code, message: `cancelled; the stopped solve returned no result: ${view.message}` });
      return { status: 'cancelled' };
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (!view.recoverable || lastAttempt) {
      const { recoverable: _, ...stored } = view;
      await this.store.fail(row.id, stored, { attempts: attempt });
      this.metrics.failed(row.kind, view.code);
      throw new UnrecoverableError(view.message);
    }
    this.logger.warn(`job ${row.id} attempt ${attempt} failed (${view.code}), will retry: ${view.message}`);
    await this.store.markQueuedAgain(row.id, { code: view.code, message: view.message });
    this.metrics.retried(row.kind, view.code);
    throw error instanceof Error ? error : new Error(view.message);
  }

  private async checkCancel(jobId: string, solve: ActiveSolve): Promise<void> {
    if (solve.cancelled || !this.redis) return;
    const requested = await this.redis.exists(this.keys.cancelRequest(jobId)).catch(() => 0);
    if (requested === 0) return;
    solve.cancelled = true;
    solve.run.stop();
  }

  /** Shutdown grace is over: stop the solves now and give their jobs back to the queue for another worker. */
  private handBackActive(): void {
    for (const solve of this.active.values()) {
      solve.handingBack = true;
      solve.run.abort(new SolveHandedBackError());
    }
  }

  /**
   * BullMQ failed the job for good, so the row must say so too. The processor usually recorded it already
   * (store.fail is idempotent), but not when its own database write threw on the last attempt, nor when a
   * worker died more often than maxStalledCount. If this write fails as well, the reconciler finalises the
   * row from BullMQ's failed set.
   */
  private async recordFinalFailure(job: Job<QueuedJobData, JobOutcome> | undefined, error: Error): Promise<void> {
    if (!job || !isFinalFailure(job, error)) return;
    await this.store.fail(job.data.jobId, finalFailureView(error.message), { attempts: job.attemptsMade }).catch((failure: Error) => {
      this.logger.warn(`job ${job.data.jobId} failed but its row could not be updated (the reconciler retries): ${failure.message}`);
    });
  }

  private beat(): void {
    void this.redis
      ?.multi()
      .zadd(this.keys.heartbeats(), Date.now(), this.workerId)
      .zremrangebyscore(this.keys.heartbeats(), '-inf', Date.now() - 60 * this.config.jobs.heartbeatMs)
      .exec()
      .catch(() => undefined);
  }
}

/** No retry follows: the attempts are used up, the error says so, or BullMQ gave up on a stalled job. */
function isFinalFailure(job: Job<QueuedJobData, JobOutcome>, error: Error): boolean {
  const unrecoverable = error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
  return unrecoverable || job.attemptsMade >= (job.opts.attempts ?? 1) || /stalled/i.test(error.message);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
