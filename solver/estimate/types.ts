/**
 * The estimate the CRM asks for (issue 5): what a deal costs to deliver, at what price, how soon it can
 * start and how much of it the firm's own people can carry. Money is in `currency`.
 */
import type { BackendName, IsoDate, OpportunityRole, PlanAssignment, Progress } from '../types.js';

/** An inline scope: role lines without an opportunity (the CRM is still shaping the deal). */
export interface EstimateScope {
  /** Role lines; `id` defaults to `scope#<n>`. Empty roles with a projectType take the type's roles. */
  roles?: (Omit<OpportunityRole, 'id'> & { id?: string })[];
  projectType?: string;
  expectedStart: IsoDate;
  durationWeeks?: number;
  /** Applies to roles that name no location of their own. */
  location?: string;
}

export interface EstimateRequest {
  /** Either an opportunity of the scenario … */
  opportunityId?: string;
  /** … or an inline scope. */
  scope?: EstimateScope;
  /** Candidate starts: the Monday of `from` (default: the expected start) and each of the next weeks − 1 Mondays. */
  window?: { from?: IsoDate; weeks?: number };
  /** Answer currency: default the opportunity's currency, else the base currency. */
  currency?: string;
  /** 0 ≤ targetMargin < 1: price = cost / (1 − targetMargin) instead of the rate card. */
  targetMargin?: number;
  countRequestedPto?: boolean;
  /** Hours already promised by a staffing plan (the service passes its latest stored plan). */
  plannedAssignments?: PlanAssignment[];
  /** Add the scarcity report (shadow prices of the skills in the window). Default true. */
  includeScarcity?: boolean;
  backend?: BackendName | 'auto';
  /** Id to stamp on the answer; default a content hash of the request (deterministic). */
  estimateId?: string;
}

/**
 * How a caller steers a running estimate (the job runner's progress sink, stop signal and time limit).
 * Stopped or out of time after at least one candidate start, the estimate answers from the candidates
 * solved so far (solver.status 'stopped' / 'timedout'); the first candidate is always solved.
 */
export interface EstimateControl {
  onProgress?: (progress: Progress) => void;
  shouldStop?: () => boolean;
  timeLimitSeconds?: number;
}

export type StaffedBy = 'employee' | 'contractor';

export interface EstimateLine {
  lineId: string;
  skill: string;
  level: number; // the person's level in the skill (employee) or the line's minLevel (contractor)
  hours: number;
  costRate: number;
  cost: number;
  billRate: number; // price ÷ hours: the rate card's rate, or the target-margin rate
  price: number;
  staffedBy: StaffedBy;
  employeeId?: string; // only for callers who may see names
  employeeName?: string;
}

/** The outcome at one candidate start date. */
export interface EstimateOption {
  start: IsoDate;
  hours: number;
  employeeHours: number;
  contractorHours: number;
  employeeShare: number;
  totalCost: number;
  totalPrice: number;
  meetsEmployeeShare: boolean;
}

export interface SkillScarcity {
  skill: string;
  weeks: number; // weeks of the window where the estimate uses the skill
  scarceWeeks: number; // of those, weeks where one more hour would have to be freed or contracted
  shadowPricePerHour: number; // hour-weighted marginal cost of one more hour of the skill (answer currency)
  pipelineExpectedHours: number; // other demand for the skill in those weeks (expected hours)
  availableHours: number; // hours of eligible people in those weeks
}

export interface EstimateScarcity {
  skills: SkillScarcity[];
  /** totalCost + the shadow cost of the employee hours the estimate takes from the pipeline. */
  scarcityAdjustedCost: number;
  targetMargin: number; // the request's target margin, else the estimate's own margin
  priceAtTargetMargin: number; // scarcityAdjustedCost / (1 − targetMargin)
  premium: number; // max(0, priceAtTargetMargin − totalPrice)
  method: string;
}

export interface Estimate {
  estimateId: string;
  opportunityId?: string;
  currency: string;
  baseCurrency: string;
  exchangeRate: number; // base amount per unit of `currency`
  start: IsoDate; // the start the lines and totals describe
  lines: EstimateLine[];
  totalHours: number;
  employeeHours: number;
  contractorHours: number;
  totalCost: number;
  totalPrice: number;
  rateCardPrice: number; // the rate card's price of the same staffing (equals totalPrice without targetMargin)
  margin: number; // (totalPrice − totalCost) / totalPrice, 0 when nothing is priced
  earliestStart: IsoDate | null; // first candidate start where employees cover ≥ minEmployeeShare
  confidence: number; // employee hours / scope hours at `start`
  minEmployeeShare: number;
  pricing: 'rate-card' | 'target-margin';
  targetMargin?: number;
  options: EstimateOption[];
  scarcity?: EstimateScarcity;
  assumptions: string[];
  solver: { backend: string; status: string; timeMs: number };
}
