import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { finalFailureView } from './job-errors.js';
import { isJobKind, type JobKind } from './job-kinds.js';
import { JOBS_QUEUE, jobOptions, type QueuedJobData } from './job-queue.js';
import { JobStore, type UnfinishedJob } from './job-store.js';
import { ensureReady } from './queue-redis.js';
import { QUEUE_REDIS } from './queue-redis.module.js';

/** Rows checked against Redis per round trip. */
const EXISTS_BATCH = 500;
/** Right after start the producer connection may still be connecting. */
const REDIS_READY_WAIT_MS = 5_000;

type KnownJob = UnfinishedJob & { kind: JobKind };
interface FailedInQueue {
  row: KnownJob;
  failedReason: string | undefined;
}

/**
 * Nothing accepted is lost: the API writes a job row before it queues the job, so a crash between the two
 * (or a Redis that lost its data) leaves a row `queued`/`active` that no worker will ever see. At start and
 * every `reconcileIntervalMs` the reconciler queues such rows again. The BullMQ job id is the job id, so a
 * row whose job is still in Redis — or that another process queues at the same moment — is never doubled.
 * A row whose BullMQ job sits in the failed set is finalised as failed (never queued again).
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobReconciler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @InjectQueue(JOBS_QUEUE) private readonly queue: Queue<QueuedJobData>,
    @Inject(QUEUE_REDIS) private readonly client: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: JobStore,
  ) {}

  onApplicationBootstrap(): void {
    void this.reconcileQuietly();
    const every = this.config.jobs.reconcileIntervalMs;
    if (every > 0) {
      this.timer = setInterval(() => void this.reconcileQuietly(), every);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Queues every unfinished row that BullMQ does not know; answers how many were queued. One pass at a time. */
  reconcile(): Promise<number> {
    this.running ??= this.requeueMissing().finally(() => (this.running = null));
    return this.running;
  }

  private async reconcileQuietly(): Promise<void> {
    try {
      const requeued = await this.reconcile();
      if (requeued > 0) this.logger.warn(`queued ${requeued} accepted job(s) again that were missing from the queue`);
    } catch (error) {
      // Redis or the database is down: the next round (or the next start) tries again.
      this.logger.warn(`job reconciliation skipped: ${(error as Error).message}`);
    }
  }

  private async requeueMissing(): Promise<number> {
    const createdBefore = new Date(Date.now() - this.config.jobs.reconcileGraceMs).toISOString();
    const rows = (await this.store.unfinished(createdBefore)).filter((row): row is KnownJob => isJobKind(row.kind));
    if (rows.length === 0) return 0;
    await ensureReady(this.client, REDIS_READY_WAIT_MS);
    let requeued = 0;
    for (let start = 0; start < rows.length; start += EXISTS_BATCH) {
      const { missing, failed } = await this.queueStates(rows.slice(start, start + EXISTS_BATCH));
      for (const { row, failedReason } of failed) await this.finaliseFailed(row, failedReason);
      for (const row of missing) {
        await this.queue.add(row.kind, { jobId: row.id, kind: row.kind }, jobOptions(row.kind, row.id, this.config.jobs));
        requeued++;
      }
    }
    return requeued;
  }

  /**
   * BullMQ failed the job for good but the row missed it (the worker's database write failed): record the
   * failure now, while BullMQ still keeps the job (keepFailed), instead of leaving the row unfinished until
   * the job is evicted and the row would be queued — and run — again.
   */
  private async finaliseFailed(row: KnownJob, failedReason: string | undefined): Promise<void> {
    if (await this.store.fail(row.id, finalFailureView(failedReason))) {
      this.logger.warn(`job ${row.id} had failed in the queue without its row saying so; recorded as failed`);
    }
  }

  /** Which rows BullMQ does not know at all, and which it holds in its failed set (with the reason). */
  private async queueStates(rows: KnownJob[]): Promise<{ missing: KnownJob[]; failed: FailedInQueue[] }> {
    if (rows.length === 0) return { missing: [], failed: [] };
    const pipeline = this.client.pipeline();
    for (const row of rows) {
      pipeline.exists(this.queue.toKey(row.id));
      pipeline.zscore(this.queue.toKey('failed'), row.id);
      pipeline.hget(this.queue.toKey(row.id), 'failedReason');
    }
    const answers = (await pipeline.exec()) ?? [];
    const answer = (index: number): unknown => {
      const [error, value] = answers[index] ?? [new Error('no answer'), null];
      if (error) throw error;
      return value;
    };
    const missing: KnownJob[] = [];
    const failed: FailedInQueue[] = [];
    rows.forEach((row, index) => {
      if (answer(3 * index) === 0) missing.push(row);
      else if (answer(3 * index + 1) !== null) failed.push({ row, failedReason: (answer(3 * index + 2) as string | null) ?? undefined });
    });
    return { missing, failed };
  }
}
