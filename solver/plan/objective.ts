/**
 * The plan's objective recomputed from its assignment rows (team brief "Objective"), never taken from
 * the optimizer: value = expectedMargin − unmetPenalty − fragmentationPenalty − churnPenalty. Churn is charged
 * only when the previous plan has a kept entry (problem.previous non-empty), one rule with the checker.
 */
import { planValue } from '../optimize/self-check.js';
import type { PlanningProblem, PlanObjective, ProblemPair } from '../types.js';

/** The pair behind an assignment row, by `person × lines + line`. */
export function pairLookup(problem: PlanningProblem): Map<number, ProblemPair> {
  const byKey = new Map<number, ProblemPair>();
  for (const pair of problem.pairs) byKey.set(pair.person * problem.lines.length + pair.line, pair);
  return byKey;
}

/** Staffed hours per line per horizon week. */
export function staffedByLineWeek(problem: PlanningProblem, rows: readonly IndexedRow[]): Float64Array[] {
  const staffed = problem.lines.map(() => new Float64Array(problem.weeks.length));
  for (const row of rows) staffed[row.line][row.week] += row.hours;
  return staffed;
}

/** An assignment row with its problem indices. */
export interface IndexedRow {
  person: number;
  line: number;
  week: number;
  hours: number;
}

/** The document's objective, recomputed from its rows with the solver-side scorer (never the optimizer's own numbers). */
export function recomputeObjective(problem: PlanningProblem, rows: readonly IndexedRow[], maxCoverage?: number): PlanObjective {
  const { pairsUsed: _pairsUsed, unmetExpectedHours: _unmetExpectedHours, ...value } = planValue(problem, [...rows]);
  return {
    ...value,
    unmetPenaltyPerHour: problem.unmetPenaltyPerHour,
    ...(maxCoverage !== undefined ? { maxCoverage } : {}),
    fragmentationPenaltyPerPair: problem.fragmentationPenaltyPerPair,
    churnPenaltyPerHour: problem.churnPenaltyPerHour,
  };
}

/** (bound − value) / |bound|; 0 when both are 0; 1 when only the bound is 0 (no finite ratio exists). */
export function relativeGap(bound: number, value: number): number {
  if (bound === 0) return value === 0 ? 0 : 1;
  return (bound - value) / Math.abs(bound);
}
