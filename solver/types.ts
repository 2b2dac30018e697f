/**
 * The shared vocabulary of staffplan's solver: the canonical scenario (DESIGN.md §3), the planning
 * problem the optimizer works on, and the documents it produces (DESIGN.md §7).
 *
 * Pure types, no framework imports. Dates are ISO `YYYY-MM-DD` strings; a planning week is named by
 * its Monday's date.
 */

// ───────────────────────────── Scenario: the data contract (DESIGN.md §3) ─────────────────────────────

export type IsoDate = string; // YYYY-MM-DD
export type IsoDateTime = string; // ISO-8601 with offset

export interface EmployeeSkill {
  skill: string;
  level: number; // 1-5
  certified?: boolean;
  certificationExpires?: IsoDate;
}

export interface Employee {
  id: string;
  name: string;
  email?: string;
  location: string;
  timeZone: string;
  holidayCalendar?: string;
  title?: string;
  level?: string | number;
  costRate: number;
  currency: string;
  weeklyHours?: number; // default 40
  workingDays?: number[]; // ISO weekdays 1-7, default [1..5]
  startDate?: IsoDate;
  endDate?: IsoDate;
  utilizationTarget?: number;
  skills: EmployeeSkill[];
  updatedAt: IsoDateTime;
}

export type TimeOffStatus = 'approved' | 'requested' | 'cancelled';

export interface TimeOff {
  id: string;
  employeeId: string;
  start: IsoDate;
  end: IsoDate; // inclusive
  hoursPerDay?: number; // absent = the whole day
  status: TimeOffStatus;
  updatedAt: IsoDateTime;
}

export interface CurrentAssignment {
  id: string;
  employeeId: string;
  projectId: string;
  start: IsoDate;
  rollOffDate: IsoDate;
  hoursPerWeek: number;
  billable: boolean;
  updatedAt: IsoDateTime;
}

export interface HolidayCalendar {
  code: string;
  name: string;
  dates: { date: IsoDate; name: string }[];
}

export interface Account {
  id: string;
  name: string;
  industry?: string;
  region?: string;
  segment?: string;
  employeeCount?: number;
  updatedAt: IsoDateTime;
}

export interface OpportunityRole {
  id: string;
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount?: number; // default 1
  startOffsetWeeks?: number; // default 0
  durationWeeks?: number;
  location?: string;
  remoteAllowed?: boolean; // default false
  requiresCertification?: boolean; // default false
}

export type OpportunityStatus = 'open' | 'won' | 'lost';

export interface Opportunity {
  id: string;
  accountId: string;
  name: string;
  stage: string;
  probability: number; // 0-1
  closeDate: IsoDate;
  expectedStart: IsoDate;
  durationWeeks?: number;
  projectType?: string;
  territory?: string;
  amount?: number;
  currency?: string;
  status: OpportunityStatus;
  roles?: OpportunityRole[];
  updatedAt: IsoDateTime;
}

export interface LeadForecast {
  id: string;
  period: string; // YYYY-MM
  projectType: string;
  leads: number;
  leadToOpportunityRate: number;
  winRate: number;
  lagWeeks: number;
  updatedAt: IsoDateTime;
}

export interface ProjectTypeRole {
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount?: number;
  startOffsetWeeks?: number;
  durationWeeks?: number;
}

export interface ProjectType {
  code: string;
  name: string;
  durationWeeks: number;
  roles: ProjectTypeRole[];
}

export interface SkillDefinition {
  code: string;
  name: string;
  adjacent?: string[];
}

export interface RateCard {
  skill: string;
  level: number;
  billRate: number;
  currency: string;
}

export interface ExchangeRate {
  currency: string;
  rateToBase: number; // amount × rateToBase = amount in the base currency
  asOf: IsoDate;
}

export interface HiringPolicy {
  defaultLeadTimeWeeks: number;
  leadTimes?: { skill?: string; location?: string; weeks: number }[];
  contractorRateMultiplier: number;
  contractorLeadTimeWeeks: number;
  minFteGap: number;
  minShortageWeeks: number;
  minEmployeeShare?: number; // default 0.8
  /** Weeks to retrain a person into an adjacent skill (hiring forecast; default 4). Added for issue 5. */
  reskillLeadTimeWeeks?: number;
  /** Training hours per reskilled person, charged at their cost rate (hiring forecast; default 80). Added for issue 5. */
  reskillTrainingHours?: number;
}

export interface Scenario {
  employees?: Employee[];
  timeOff?: TimeOff[];
  assignments?: CurrentAssignment[];
  holidayCalendars?: HolidayCalendar[];
  accounts?: Account[];
  opportunities?: Opportunity[];
  leadForecasts?: LeadForecast[];
  projectTypes?: ProjectType[];
  skills?: SkillDefinition[];
  rateCards?: RateCard[];
  exchangeRates?: ExchangeRate[];
  hiringPolicy?: HiringPolicy;
}

// ───────────────────────────── Requests ─────────────────────────────

export interface Horizon {
  from: IsoDate; // a Monday (callers snap to it)
  weeks: number;
}

/** Which part of the pipeline a plan or forecast considers. */
export interface ScenarioFilters {
  minProbability?: number; // 0-1, default 0
  opportunityIds?: string[]; // only these opportunities
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
  options: { minProbability: number; countRequestedPto: boolean; bucket: 'week' | 'month'; includeLeadForecasts: boolean };
  rows: CapacityForecastRow[];
  months?: CapacityForecastRow[];
  solver: { backend: string; status: SolveStatus; timeMs: number };
  /** The independent checker's verdict (solver/checker checkCapacityForecast), set by capacityForecast. */
  check?: { ok: boolean; violations: string[] };
}

// ───────────────────────────── The planning problem (solver-internal) ─────────────────────────────

/**
 * The staffing problem reduced to numbers: built from a scenario by `solver/problem.ts`, solved by the
 * optimizer. Indices point into `weeks`, `people` and `lines`. Money is in the base currency.
 */
export interface ProblemPerson {
  employeeId: string;
  name: string;
  location: string;
  costRate: number; // base currency per hour
  available: number[]; // hours per horizon week (after PTO, holidays and current assignments)
}

export interface ProblemLine {
  lineId: string;
  opportunityId: string;
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount: number;
  probability: number;
  weeks: number[]; // horizon week indices, ascending
}

export interface ProblemPair {
  person: number;
  line: number;
  level: number; // the person's level in the line's skill
  billRate: number; // base currency per hour
  marginPerHour: number; // billRate − costRate, base currency
}

export interface PlanningProblem {
  weeks: IsoDate[];
  people: ProblemPerson[];
  lines: ProblemLine[];
  pairs: ProblemPair[]; // skill-eligible (person, line) pairs only, sorted by (line, person)
  unmetPenaltyPerHour: number; // per unmet expected hour; exceeds any margin so coverage comes first
  fragmentationPenaltyPerPair: number; // per (person, line) pair used
  churnPenaltyPerHour: number; // per hour moved away from the previous plan
  pinned: { person: number; line: number; week: number; hours: number }[];
  previous: { person: number; line: number; week: number; hours: number }[];
}

/** What the optimizer returns: hours per (pair, week) and honest status and bound. */
export interface ProblemSolution {
  hours: { person: number; line: number; week: number; hours: number }[];
  status: SolveStatus;
  backend: string;
  algorithm: string;
  bound: { value: number; kind: string; coverage?: number };
  stats: Record<string, unknown>;
}
