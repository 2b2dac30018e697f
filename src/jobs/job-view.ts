/** The API's picture of a job (GET /v1/jobs/{id}), read from its database row. */
import type { JobErrorView } from './job-errors.js';
import { jobLinks, type JobKind, type JobStatus } from './job-kinds.js';
import type { JobEntity } from './job.entity.js';

export interface JobView {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  progress: { phase: string | null; percent: number };
  attempts: number;
  timings: {
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    /** From submission to the last start (queue wait, retries' backoff included). */
    queuedMs: number | null;
    /** From the last start to the end. */
    runMs: number | null;
  };
  solver: Record<string, unknown> | null;
  inputHash: string | null;
  reusedFromJobId?: string;
  cancelRequested: boolean;
  error: JobErrorView | null;
  links: { self: string; result: string };
}

function between(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.max(0, Date.parse(to) - Date.parse(from));
}

function parseError(raw: string | null): JobErrorView | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as JobErrorView;
  } catch {
    return { code: 'WORKER_ERROR', message: raw };
  }
}

export function jobView(job: JobEntity): JobView {
  const stats = job.stats ?? {};
  const reused = typeof stats.reusedFromJobId === 'string' ? { reusedFromJobId: stats.reusedFromJobId } : {};
  return {
    jobId: job.id,
    kind: job.kind as JobKind,
    status: job.status as JobStatus,
    progress: { phase: job.phase, percent: job.progress },
    attempts: job.attempts,
    timings: {
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      queuedMs: between(job.createdAt, job.startedAt),
      runMs: between(job.startedAt, job.finishedAt),
    },
    solver: (stats.solver as Record<string, unknown> | undefined) ?? null,
    inputHash: job.inputHash,
    ...reused,
    cancelRequested: job.cancelRequestedAt !== null,
    error: parseError(job.error),
    links: jobLinks(job.id),
  };
}

/** The 202 answer of a submission (and of its idempotent replays). */
export interface SubmitAnswer {
  jobId: string;
  status: JobStatus;
  links: { self: string; result: string };
}

export function submitAnswer(job: JobEntity): SubmitAnswer {
  return { jobId: job.id, status: job.status as JobStatus, links: jobLinks(job.id) };
}
