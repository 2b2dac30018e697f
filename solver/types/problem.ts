/** The planning problem the optimizer works on (solver-internal). */
import type { IsoDate } from './scenario.js';
import type { SolveStatus } from './documents.js';

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
