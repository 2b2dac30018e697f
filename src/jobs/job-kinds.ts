/**
 * The catalogue of job kinds: what each product's request and document look like, which event announces
 * it and whether an identical earlier answer may be reused. Plain data and types (no framework import):
 * the solver thread imports the registry next to it, the API and the worker import this.
 */
import type { CapacityForecast, Horizon, PlanAssignment, ScenarioFilters, StaffingPlan } from '../../solver/types.js';
import type { EventType } from '../outbox/event-publisher.js';

export const JOB_KINDS = ['staffing-plan', 'capacity-forecast', 'hiring-forecast', 'estimate'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['queued', 'active', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINISHED_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

/** Options every solve takes: how long the solver may search and which LP backend it uses. */
export interface SolveRequestOptions {
  timeLimitSeconds?: number;
  backend?: 'auto' | 'highs' | 'jslp';
}

export interface StaffingPlanRequest extends ScenarioFilters, SolveRequestOptions {
  horizon: Horizon;
  countRequestedPto?: boolean;
  pinned?: PlanAssignment[];
  /** A finished staffing-plan job whose assignments the plan should stay close to (resolved at submission). */
  previousPlanJobId?: string;
  previousPlan?: { assignments: PlanAssignment[] } | null;
}

export interface CapacityForecastRequest extends SolveRequestOptions {
  horizon: Horizon;
  minProbability?: number;
  countRequestedPto?: boolean;
  bucket?: 'week' | 'month';
  includeLeadForecasts?: boolean;
  crmHorizonWeeks?: number;
}

/** Hiring forecast (issue of the hiring colleague): narrow this when its controller lands. */
export interface HiringForecastRequest extends ScenarioFilters, SolveRequestOptions {
  horizon: Horizon;
  countRequestedPto?: boolean;
  [option: string]: unknown;
}

/** Estimate of an opportunity or an inline scope (issue of the estimates colleague): narrow it likewise. */
export interface EstimateRequest extends SolveRequestOptions {
  opportunityId?: string;
  horizon?: Horizon;
  [option: string]: unknown;
}

export interface JobRequests {
  'staffing-plan': StaffingPlanRequest;
  'capacity-forecast': CapacityForecastRequest;
  'hiring-forecast': HiringForecastRequest;
  estimate: EstimateRequest;
}

/** The document a finished job stores as its result (the hiring and estimate documents are their owners'). */
export interface JobDocuments {
  'staffing-plan': StaffingPlan;
  'capacity-forecast': CapacityForecast;
  'hiring-forecast': Record<string, unknown>;
  estimate: Record<string, unknown>;
}

export type JobRequest<K extends JobKind = JobKind> = JobRequests[K];
export type JobDocument<K extends JobKind = JobKind> = JobDocuments[K];

export interface JobKindSpec {
  /** The event written to the outbox, in the result's transaction, when a job of this kind completes. */
  completedEvent: EventType;
  /**
   * True when the solver is deterministic for this kind, so a completed job with the same input snapshot
   * hash and the same request (and no time limit that cut its search short) answers a new submission.
   */
  reusesIdenticalResult: boolean;
  /** BullMQ priority (1 is served first): estimates wait on the caller, so they jump the queue. */
  priority: number;
}

export const JOB_KIND_SPECS: Record<JobKind, JobKindSpec> = {
  'staffing-plan': { completedEvent: 'staffing-plan.completed', reusesIdenticalResult: true, priority: 5 },
  'capacity-forecast': { completedEvent: 'capacity-forecast.completed', reusesIdenticalResult: true, priority: 5 },
  'hiring-forecast': { completedEvent: 'hiring-forecast.updated', reusesIdenticalResult: true, priority: 5 },
  // Never reused: the estimate document embeds its own estimateId (the job id), and estimates depend on the
  // latest stored plan, which changes between submissions anyway.
  estimate: { completedEvent: 'estimate.completed', reusesIdenticalResult: false, priority: 1 },
};

export function isJobKind(value: string): value is JobKind {
  return (JOB_KINDS as readonly string[]).includes(value);
}

/** Where a job and its result are read (DESIGN.md §4). */
export function jobLinks(jobId: string): { self: string; result: string } {
  return { self: `/v1/jobs/${jobId}`, result: `/v1/jobs/${jobId}/result` };
}
