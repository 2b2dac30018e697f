/** Requests (horizon, filters, options) and the documents the solver produces (DESIGN.md §7). */
import type { IsoDate } from './scenario.js';

// ───────────────────────────── Requests ─────────────────────────────

export interface Horizon {
  from: IsoDate; // a Monday (callers snap to it)
  weeks: number;
}

/** Which part of the pipeline a plan or forecast considers. */
export interface ScenarioFilters {
  minProbability?: number; // 0-1, default 0
  /** Only these opportunities; an empty list is no filter (like an absent one), in the solver and the checker. */
  opportunityIds?: string[];
  closingBefore?: IsoDate; // only opportunities with closeDate < this (won work always counts)
}

export interface PlanOptions extends ScenarioFilters {
  countRequestedPto?: boolean;
  pinned?: PlanAssignment[];
  previousPlan?: { assignments: PlanAssignment[] } | null;
  timeLimitSeconds?: number;
  backend?: BackendName | 'auto';
  /** Receives phase and percent (0-100, never decreasing). */
  onProgress?: (progress: Progress) => void;
  /** Cooperative cancellation: when it returns true the solver stops and returns the best plan so far. */
  shouldStop?: () => boolean;
}

export interface Progress {
  phase: string;
  percent: number;
}

export type BackendName = 'highs' | 'jslp';

// ───────────────────────────── Documents (DESIGN.md §7) ─────────────────────────────

export interface PlanLine {
  lineId: string;
  opportunityId: string;
  opportunityName?: string;
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount: number;
  weeks: IsoDate[]; // only the weeks inside the horizon
  probability: number; // 1 for won work
  start: IsoDate; // the line's start day (certification checks use it)
  location?: string;
  remoteAllowed: boolean;
  requiresCertification: boolean;
}

export interface PlanAvailable {
  employeeId: string;
  week: IsoDate;
  hours: number;
}

export interface PlanAssignment {
  employeeId: string;
  lineId: string;
  week: IsoDate;
  hours: number;
}

export type UnmetReason =
  | 'no-eligible-person'
  | 'eligible-people-busy'
  | 'headcount-reached'
  | 'not-worth-it';

export interface PlanUnmet {
  lineId: string;
  week: IsoDate;
  hours: number; // raw hours of the line's weekly demand not staffed
  expectedHours: number; // the same weighted by probability
  reason: UnmetReason;
  detail: string;
  fix?: string; // what would cover it, in words
}

export type SolveStatus = 'optimal' | 'feasible' | 'timedout' | 'infeasible';

export interface PlanObjective {
  value: number; // expectedMargin − unmetPenalty − fragmentationPenalty − churnPenalty (base currency)
  coverage: number; // Σ probability × assigned hours
  expectedMargin: number; // Σ probability × (bill − cost) × hours, base currency
  unmetPenalty: number; // unmetPenaltyPerHour × Σ unmet expected hours
  fragmentationPenalty: number;
  churnPenalty: number;
  unmetPenaltyPerHour: number;
  maxCoverage?: number; // the most expected hours any plan could cover (an upper bound), when known
  /** Echoed so the checker can recompute fragmentationPenalty = per pair × (person, line) pairs used. */
  fragmentationPenaltyPerPair?: number;
  /** Echoed so the checker can recompute churnPenalty = per hour × Σ |hours − previous hours|. */
  churnPenaltyPerHour?: number;
}

export interface PlanBound {
  value: number; // an upper bound on objective.value
  kind: string; // which relaxation it comes from, e.g. 'lp-relaxation-with-headcount'
  coverage?: number; // the coverage bound of the same relaxation
}

export interface PlanUtilization {
  employeeId: string;
  availableHours: number;
  assignedHours: number;
  utilization: number; // assigned / available (0 when nothing is available)
}

export interface AssignmentExplanation {
  employeeId: string;
  lineId: string;
  weeks: IsoDate[];
  hours: number;
  why: string;
}

export interface StaffingPlan {
  horizon: Horizon;
  options: {
    minProbability: number;
    countRequestedPto: boolean;
    pinned: PlanAssignment[];
    previousPlan: { assignments: PlanAssignment[] } | null;
    opportunityIds?: string[];
    closingBefore?: IsoDate;
    timeLimitSeconds?: number;
    backend?: string;
  };
  baseCurrency: string;
  lines: PlanLine[];
  available: PlanAvailable[];
  assignments: PlanAssignment[];
  unmet: PlanUnmet[];
  utilization: PlanUtilization[];
  explanations: AssignmentExplanation[];
  objective: PlanObjective;
  bound: PlanBound;
  gap: number;
  solver: {
    backend: string;
    status: SolveStatus;
    timeMs: number;
    algorithm?: string;
    phases?: { phase: string; timeMs: number }[];
    [key: string]: unknown;
  };
  check?: { ok: boolean; violations: string[] };
  /**
   * Input the plan left out rather than failing on, one sentence each, sorted. An opportunity that
   * cannot be expanded into role lines (no roles and no known project type, or a line without any
   * duration) reads `opportunity <id> skipped: <reason>`; the checker re-derives the same list.
   */
  warnings?: string[];
}

export interface CapacityForecastRow {
  skill: string;
  location: string;
  week: IsoDate; // or the month's first day when bucket = month
  capacityHours: number;
  demandHours: number;
  expectedDemandHours: number;
  coverableHours: number;
  gapHours: number;
  committedHours?: number; // hours of current assignments of holders of the skill
  supplyHours?: number; // gross available hours of holders of the skill (counted once per skill)
}

export interface CapacityForecast {
  horizon: Horizon;
  options: {
    minProbability: number;
    countRequestedPto: boolean;
    bucket: 'week' | 'month';
    includeLeadForecasts: boolean;
    /** Weeks from horizon.from that belong to the CRM pipeline; MAS projected demand counts only after them (default 13). */
    crmHorizonWeeks?: number;
  };
  rows: CapacityForecastRow[];
  months?: CapacityForecastRow[];
  solver: { backend: string; status: SolveStatus; timeMs: number };
  /** The independent checker's verdict (solver/checker checkCapacityForecast), set by capacityForecast. */
  check?: { ok: boolean; violations: string[] };
}

