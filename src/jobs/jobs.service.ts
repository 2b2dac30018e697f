import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { contentHash } from '../ingestion/shared/canonical.js';
import { ScenarioSnapshotService } from '../snapshot/scenario-snapshot.service.js';
import { FINISHED_STATUSES, JOB_KIND_SPECS, type JobKind, type JobRequest, type JobStatus, type StaffingPlanRequest } from './job-kinds.js';
import { JOBS_QUEUE, jobOptions, queuePrefix, type QueuedJobData } from './job-queue.js';
import { isUniqueViolation, JobStore, type NewJob } from './job-store.js';
import { jobView, submitAnswer, type JobView, type SubmitAnswer } from './job-view.js';
import type { JobEntity } from './job.entity.js';
import { ensureReady, QueueKeys, redisStep } from './queue-redis.js';
import { QUEUE_REDIS } from './queue-redis.module.js';

export interface SubmitCaller {
  apiKeyId: string;
  /** The caller's Idempotency-Key header, when sent. */
  idempotencyKey?: string | null;
}

export interface SubmitOutcome {
  answer: SubmitAnswer;
  /** True when an earlier request with the same Idempotency-Key and body already created the job. */
  replayed: boolean;
}

export interface WaitOutcome {
  job: JobView;
  /** The result document when the job finished with one within the wait. */
  document: unknown | null;
}

/** How long an in-flight submission holds its Idempotency-Key (a crashed request frees it after this). */
const IDEMPOTENCY_CLAIM_MS = 60_000;
const MAX_IDEMPOTENCY_KEY = 255;
const CANCEL_REQUEST_TTL_S = 24 * 3600;

/**
 * Submitting, reading and cancelling jobs (the API side). Product controllers call `submit(kind, request,
 * caller)`; the job row (with the input snapshot taken now) is written before the job is queued.
 */
@Injectable()
export class JobsService {
  private readonly keys: QueueKeys;
  private readonly logger = new Logger(JobsService.name);

  constructor(
    @InjectQueue(JOBS_QUEUE) private readonly queue: Queue<QueuedJobData>,
    @Inject(QUEUE_REDIS) private readonly client: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: JobStore,
    private readonly snapshots: ScenarioSnapshotService,
  ) {
    this.keys = new QueueKeys(queuePrefix(config));
    // Without a listener BullMQ prints raw connection errors to stderr; while Redis is down the API answers
    // 503 per request, so one structured warning per error is all the log needs.
    this.queue.on('error', (error) => this.logger.warn(`jobs queue connection: ${error.message}`));
  }

  async submit<K extends JobKind>(kind: K, request: JobRequest<K>, caller: SubmitCaller): Promise<SubmitOutcome> {
    const requestHash = contentHash({ kind, request });
    const scopedKey = this.scopedIdempotencyKey(caller);
    const redis = await this.redis();
    if (scopedKey) {
      const earlier = await this.store.findByIdempotencyKey(scopedKey);
      if (earlier) return this.replay(earlier, requestHash);
    }
    const claim = scopedKey ? await this.claim(redis, scopedKey) : null;
    try {
      if (scopedKey) {
        const earlier = await this.store.findByIdempotencyKey(scopedKey);
        if (earlier) return this.replay(earlier, requestHash);
      }
      return await this.createOrReplay(kind, await this.prepare(kind, request), { requestHash, idempotencyKey: scopedKey });
    } finally {
      if (claim) await redis.del(claim).catch(() => undefined);
    }
  }

  async get(jobId: string): Promise<JobView> {
    return jobView(await this.require(jobId));
  }

  /** The stored document of a finished job: 404 unknown job or no result, 409 not finished yet. */
  async result(jobId: string): Promise<{ job: JobEntity; document: unknown }> {
    const job = await this.require(jobId);
    if (!job.resultId) {
      if (job.status === 'queued' || job.status === 'active') {
        throw new AppError('CONFLICT', `job ${jobId} is ${job.status} (${job.progress} %); its result is not ready yet`);
      }
      if (job.status === 'failed') throw new AppError('CONFLICT', `job ${jobId} failed and has no result: ${jobView(job).error?.message ?? 'unknown error'}`);
      throw new AppError('NOT_FOUND', `job ${jobId} was ${job.status} before it produced a result`);
    }
    const result = await this.store.findResult(job.resultId);
    if (!result) throw new AppError('NOT_FOUND', `the result of job ${jobId} is missing`);
    return { job, document: result.document };
  }

  async latestResult(kind: JobKind): Promise<{ job: JobEntity; document: unknown }> {
    const latest = await this.store.latestCompleted(kind);
    if (!latest) throw new AppError('NOT_FOUND', `no ${kind} has completed yet`);
    return { job: latest.job, document: latest.result.document };
  }

  /**
   * Cancels a job: a queued one is removed from the queue (cancelled at once); a running one is asked to
   * stop, and its worker keeps the best result found so far (status cancelled shortly after). A job that
   * already finished is answered from its row: cancelled → 200 with its view (cancelling is idempotent);
   * completed or failed → 409 (it cannot be cancelled any more; its result or error stays as it is) — also
   * when it finished in the instant between this method's read and its cancel request.
   */
  async cancel(jobId: string): Promise<{ view: JobView; stopping: boolean }> {
    const job = await this.require(jobId);
    if (FINISHED_STATUSES.includes(job.status as JobStatus)) return settledCancel(job);
    const redis = await this.redis();
    if (job.status === 'queued' && (await this.removeWaiting(jobId))) {
      await this.store.cancelQueued(jobId);
      return { view: await this.get(jobId), stopping: false };
    }
    const cancelKey = this.keys.cancelRequest(jobId);
    await redisStep(() => redis.set(cancelKey, '1', 'EX', CANCEL_REQUEST_TTL_S));
    if (await this.store.requestCancel(jobId)) return { view: await this.get(jobId), stopping: true };
    // It finished between the read and the update: answer from what it became, never "stopping".
    await redis.del(cancelKey).catch(() => undefined);
    return settledCancel(await this.require(jobId));
  }

  /** Waits up to `ms` for the job to finish (an estimate answers 200 when it is quick). */
  async waitForResult(jobId: string, ms: number): Promise<WaitOutcome> {
    const deadline = Date.now() + ms;
    let pause = 10;
    for (;;) {
      const job = await this.require(jobId);
      const finished = FINISHED_STATUSES.includes(job.status as JobStatus);
      if (finished || Date.now() >= deadline) {
        const result = finished && job.resultId ? await this.store.findResult(job.resultId) : null;
        return { job: jobView(job), document: result?.document ?? null };
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(1, deadline - Date.now()))));
      pause = Math.min(pause * 2, 200);
    }
  }

  /**
   * Creates the job; when the Idempotency-Key's row appeared meanwhile (the Redis claim expired while a
   * large snapshot was taken, and a retry created the job), the unique index refuses the insert and the
   * earlier job answers instead: same body → its 202 (replayed), another body → 422.
   */
  private async createOrReplay(kind: JobKind, request: unknown, ids: { requestHash: string; idempotencyKey: string | null }): Promise<SubmitOutcome> {
    try {
      return { answer: submitAnswer(await this.createJob(kind, request, ids)), replayed: false };
    } catch (error) {
      if (!ids.idempotencyKey || !isUniqueViolation(error)) throw error;
      const earlier = await this.store.findByIdempotencyKey(ids.idempotencyKey);
      if (!earlier) throw error;
      return this.replay(earlier, ids.requestHash);
    }
  }

  private async createJob(kind: JobKind, request: unknown, ids: { requestHash: string; idempotencyKey: string | null }): Promise<JobEntity> {
    const snapshot = await this.snapshots.load();
    const row: NewJob = {
      id: `job_${randomUUID()}`,
      kind,
      request,
      inputSnapshot: snapshot,
      inputHash: contentHash(snapshot),
      idempotencyKey: ids.idempotencyKey,
      requestHash: ids.requestHash,
    };
    if (JOB_KIND_SPECS[kind].reusesIdenticalResult) {
      const earlier = await this.store.findReusable(kind, ids.requestHash, row.inputHash as string);
      if (earlier) return this.store.createReused(row, earlier);
    }
    const job = await this.store.createQueued(row);
    try {
      await redisStep(() => this.queue.add(kind, { jobId: job.id, kind }, jobOptions(kind, job.id, this.config.jobs)));
    } catch (error) {
      await this.store.remove(job.id);
      throw error;
    }
    return job;
  }

  /** Same key and body: the same job. Same key, another body: 422. */
  private replay(earlier: JobEntity, requestHash: string): SubmitOutcome {
    if (earlier.requestHash !== requestHash) {
      throw new AppError('UNPROCESSABLE', 'this Idempotency-Key was already used with a different request body', [
        { field: 'Idempotency-Key', rule: 'sameBody', message: 'reuse an Idempotency-Key only to retry the identical request' },
      ]);
    }
    return { answer: submitAnswer(earlier), replayed: true };
  }

  private async claim(redis: Redis, scopedKey: string): Promise<string> {
    const key = this.keys.idempotencyClaim(scopedKey);
    const claimed = await redisStep(() => redis.set(key, '1', 'PX', IDEMPOTENCY_CLAIM_MS, 'NX'));
    if (claimed !== 'OK') {
      throw new AppError('CONFLICT', 'a request with this Idempotency-Key is still being processed; retry when it has answered');
    }
    return key;
  }

  private scopedIdempotencyKey(caller: SubmitCaller): string | null {
    const key = caller.idempotencyKey?.trim();
    if (!key) return null;
    if (key.length > MAX_IDEMPOTENCY_KEY) {
      throw new AppError('BAD_REQUEST', `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY} characters`, [
        { field: 'Idempotency-Key', rule: 'maxLength', message: `at most ${MAX_IDEMPOTENCY_KEY} characters` },
      ]);
    }
    // Keys are per API key: two systems choosing the same key never see each other's jobs.
    return `${caller.apiKeyId}:${key}`;
  }

  /** A staffing plan may name an earlier plan job to stay close to: its assignments are fixed now. */
  private async prepare(kind: JobKind, request: unknown): Promise<unknown> {
    const plain = JSON.parse(JSON.stringify(request)) as Record<string, unknown>;
    if (kind !== 'staffing-plan') return plain;
    const plan = plain as unknown as StaffingPlanRequest;
    if (!plan.previousPlanJobId) return plain;
    if (plan.previousPlan) throw fieldError('previousPlan', 'exclusive', 'give previousPlan or previousPlanJobId, not both');
    const previous = await this.store.find(plan.previousPlanJobId);
    const document = previous?.kind === 'staffing-plan' && previous.resultId ? await this.store.findResult(previous.resultId) : null;
    if (!document) throw fieldError('previousPlanJobId', 'finishedPlan', `${plan.previousPlanJobId} is not a staffing-plan job with a result`);
    const assignments = (document.document as { assignments: unknown[] }).assignments;
    return { ...plain, previousPlan: { assignments } };
  }

  private async redis(): Promise<Redis> {
    await ensureReady(this.client, this.config.jobs.redisCommandTimeoutMs);
    return this.client;
  }

  private async removeWaiting(jobId: string): Promise<boolean> {
    const queued = await redisStep(() => this.queue.getJob(jobId));
    if (!queued) return true;
    try {
      await queued.remove();
      return true;
    } catch {
      // Locked: a worker took it meanwhile; it is stopped through the cancel request instead.
      return false;
    }
  }

  private async require(jobId: string): Promise<JobEntity> {
    const job = await this.store.find(jobId);
    if (!job) throw new AppError('NOT_FOUND', `no job ${jobId}`);
    return job;
  }
}

/** The answer to cancelling a job that already finished (see cancel). */
function settledCancel(job: JobEntity): { view: JobView; stopping: false } {
  if (job.status === 'cancelled') return { view: jobView(job), stopping: false };
  throw new AppError('CONFLICT', `job ${job.id} already ${job.status}; it cannot be cancelled`);
}

function fieldError(field: string, rule: string, message: string): AppError {
  return new AppError('UNPROCESSABLE', `${field}: ${message}`, [{ field, rule, message }]);
}
