/**
 * Why a solve ended without a document, and whether trying again could help. The processor turns the
 * unrecoverable ones into BullMQ's UnrecoverableError so the job fails at once instead of retrying.
 */
import type { SerializedError } from './solve-protocol.js';

/** The solver rejected the input (ScenarioError): the same input fails every time. */
const INPUT_ERRORS = new Set(['ScenarioError', 'UnknownKindError']);
/** The solver's own checker refused its result: a bug that a retry of the same input repeats. */
const CHECK_ERRORS = new Set(['PlanCheckError', 'ForecastCheckError']);

export interface JobErrorView {
  code: string;
  message: string;
  field?: string;
}

export abstract class JobRunError extends Error {
  abstract readonly code: string;
  abstract readonly recoverable: boolean;
  field?: string;

  view(): JobErrorView {
    return { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
  }
}

/** An error the solver thread reported. */
export class SolverError extends JobRunError {
  readonly code: string;
  readonly recoverable: boolean;

  constructor(error: SerializedError) {
    super(error.message);
    this.name = error.name;
    this.field = error.path;
    this.code = INPUT_ERRORS.has(error.name) ? 'INVALID_INPUT' : CHECK_ERRORS.has(error.name) ? 'SOLVER_CHECK_FAILED' : 'SOLVER_ERROR';
    this.recoverable = this.code === 'SOLVER_ERROR';
    if (error.stack) this.stack = error.stack;
  }
}

/** The solve outlived the job's hard time limit and its thread was terminated. */
export class JobTimeLimitError extends JobRunError {
  readonly code = 'TIME_LIMIT_EXCEEDED';
  readonly recoverable = false;

  constructor(limitMs: number) {
    super(`the solve did not end within the job time limit of ${limitMs / 1000} s and was stopped`);
    this.name = 'JobTimeLimitError';
  }
}

/** The solver thread died (a crash, or it ran out of memory): maybe transient, so the job is retried. */
export class SolverThreadExitedError extends JobRunError {
  readonly code = 'SOLVER_THREAD_EXITED';
  readonly recoverable = true;

  constructor(detail: string) {
    super(`the solver thread exited: ${detail}`);
    this.name = 'SolverThreadExitedError';
  }
}

/** The worker is shutting down and gave the job back to the queue instead of finishing it. */
export class SolveHandedBackError extends JobRunError {
  readonly code = 'HANDED_BACK';
  readonly recoverable = true;

  constructor() {
    super('the worker shut down and handed the job back to the queue');
    this.name = 'SolveHandedBackError';
  }
}

/** Anything else (the database or Redis failing under the worker): retried with backoff. */
export function errorView(error: unknown): JobErrorView & { recoverable: boolean } {
  if (error instanceof JobRunError) return { ...error.view(), recoverable: error.recoverable };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'WORKER_ERROR', message, recoverable: true };
}

/**
 * The error recorded for a job that BullMQ failed without the processor recording it (its database write
 * threw, or the job stalled too often): only BullMQ's failed reason is known then.
 */
export function finalFailureView(failedReason: string | undefined): JobErrorView {
  const message = failedReason || 'the job failed in the queue without a recorded reason';
  return { code: /stalled/i.test(message) ? 'STALLED' : 'WORKER_ERROR', message };
}
