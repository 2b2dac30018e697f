/**
 * The plan's objective recomputed from its assignment rows (team brief "Objective"), never taken from
 * the optimizer: value = expectedMargin − unmetPenalty − fragmentationPenalty − churnPenalty.
 */
import type { PlanAssignment, PlanningProblem, PlanObjective, ProblemPair } from '../types.js';
import type { ProblemContext } from '../problem.js';

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

/** Σ probability × unmet hours over every line-week of the horizon. */
export function unmetExpectedHours(problem: PlanningProblem, staffed: readonly Float64Array[]): number {
  let total = 0;
  problem.lines.forEach((line, j) => {
    const demand = line.hoursPerWeek * line.headcount;
    for (const w of line.weeks) {
      const shortfall = demand - staffed[j][w];
      if (shortfall > 0) total += line.probability * shortfall;
    }
  });
  return total;
}

/** Σ |hours − previous hours| over every (person, line, week) in either plan. */
export function churnedHours(rows: readonly PlanAssignment[], previous: readonly PlanAssignment[]): number {
  const delta = new Map<string, number>();
  const key = (row: PlanAssignment) => `${row.employeeId}\u0000${row.lineId}\u0000${row.week}`;
  for (const row of rows) delta.set(key(row), (delta.get(key(row)) ?? 0) + row.hours);
  for (const row of previous) delta.set(key(row), (delta.get(key(row)) ?? 0) - row.hours);
  let moved = 0;
  for (const hours of delta.values()) moved += Math.abs(hours);
  return moved;
}

/**
 * The churn rule (one rule for optimizer, document and checker): churn is charged only when the echoed
 * previous plan has at least one kept entry; with none there is nothing to churn against.
 */
export function chargesChurn(previousPlan: { assignments: readonly PlanAssignment[] } | null | undefined): boolean {
  return (previousPlan?.assignments.length ?? 0) > 0;
}

export function recomputeObjective(problem: PlanningProblem, context: ProblemContext, rows: readonly IndexedRow[], documentRows: readonly PlanAssignment[], maxCoverage?: number): PlanObjective {
  const pairs = pairLookup(problem);
  let coverage = 0;
  let expectedMargin = 0;
  const used = new Set<number>();
  for (const row of rows) {
    const probability = problem.lines[row.line].probability;
    const key = row.person * problem.lines.length + row.line;
    coverage += probability * row.hours;
    expectedMargin += probability * pairs.get(key)!.marginPerHour * row.hours;
    if (row.hours > 0) used.add(key);
  }
  const unmetPenalty = problem.unmetPenaltyPerHour * unmetExpectedHours(problem, staffedByLineWeek(problem, rows));
  const fragmentationPenalty = problem.fragmentationPenaltyPerPair * used.size;
  const churnPenalty = chargesChurn(context.options.previousPlan) ? problem.churnPenaltyPerHour * churnedHours(documentRows, context.options.previousPlan!.assignments) : 0;
  return {
    value: expectedMargin - unmetPenalty - fragmentationPenalty - churnPenalty,
    coverage,
    expectedMargin,
    unmetPenalty,
    fragmentationPenalty,
    churnPenalty,
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
