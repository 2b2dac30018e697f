import type { DomainEvent, EventType } from './event-publisher.js';

/**
 * The `data` of a job's event: ids plus links to the full result, never the result itself (receivers
 * fetch it with their own key, so a webhook stays small and carries nothing they may not read).
 */
export interface JobEventData {
  jobId: string;
  resultId?: string;
  links: { job: string; result?: string };
  [extra: string]: unknown;
}

export function jobLinks(jobId: string, withResult: boolean): JobEventData['links'] {
  const job = `/v1/jobs/${encodeURIComponent(jobId)}`;
  return withResult ? { job, result: `${job}/result` } : { job };
}

/** An event announcing a stored result, e.g. `jobResultEvent('staffing-plan.completed', job.id, result.id)`. */
export function jobResultEvent(type: Exclude<EventType, 'job.failed'>, jobId: string, resultId: string, extra: Record<string, unknown> = {}): DomainEvent {
  return { type, data: { ...extra, jobId, resultId, links: jobLinks(jobId, true) } };
}

/** `job.failed`: the job's kind and the error as reported by GET /v1/jobs/{id}. */
export function jobFailedEvent(jobId: string, kind: string, error: string): DomainEvent {
  return { type: 'job.failed', data: { jobId, kind, error, links: jobLinks(jobId, false) } };
}
