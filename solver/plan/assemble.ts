/**
 * Turns the optimizer's hours back into the staffing-plan document of DESIGN.md §7: lines, available
 * hours of every employee × week, assignments sorted by (employeeId, lineId, week), unmet rows with
 * reasons, utilization, explanations, the objective recomputed from the rows, the bound and the gap.
 */
import { explainAssignments } from '../explain/why.js';
import { occupancyOf } from '../explain/occupancy.js';
import { unmetRows } from '../explain/unmet.js';
import type { ProblemContext } from '../problem.js';
import type { PlanAssignment, PlanAvailable, PlanningProblem, PlanUtilization, ProblemSolution, StaffingPlan } from '../types.js';
import { pairLookup, recomputeObjective, relativeGap, staffedByLineWeek, type IndexedRow } from './objective.js';

/** Hours at or below this are no assignment (solver noise). */
export const ZERO_HOURS = 1e-9;

export interface RunInfo {
  timeLimitSeconds?: number;
  backend?: string;
  solveMs: number;
  phases: { phase: string; timeMs: number }[];
}

/** Solution hours merged per (person, line, week), noise dropped, sorted like the document. */
export function solutionRows(problem: PlanningProblem, solution: ProblemSolution): IndexedRow[] {
  const pairs = pairLookup(problem);
  const merged = new Map<string, IndexedRow>();
  for (const entry of solution.hours) {
    if (!pairs.has(entry.person * problem.lines.length + entry.line)) {
      throw new Error(`optimizer returned hours for ${problem.people[entry.person]?.employeeId} on ${problem.lines[entry.line]?.lineId}, which is not an eligible pair`);
    }
    const key = `${entry.person},${entry.line},${entry.week}`;
    const row = merged.get(key) ?? { person: entry.person, line: entry.line, week: entry.week, hours: 0 };
    row.hours += entry.hours;
    merged.set(key, row);
  }
  // People and lines are indexed in id order, so index order is document order.
  return [...merged.values()].filter((row) => row.hours > ZERO_HOURS).sort((a, b) => a.person - b.person || a.line - b.line || a.week - b.week);
}

function documentRows(problem: PlanningProblem, rows: readonly IndexedRow[]): PlanAssignment[] {
  return rows.map((row) => ({ employeeId: problem.people[row.person].employeeId, lineId: problem.lines[row.line].lineId, week: problem.weeks[row.week], hours: row.hours }));
}

function availableRows(problem: PlanningProblem): PlanAvailable[] {
  return problem.people.flatMap((person) => person.available.map((hours, w) => ({ employeeId: person.employeeId, week: problem.weeks[w], hours })));
}

function utilizationRows(problem: PlanningProblem, rows: readonly IndexedRow[]): PlanUtilization[] {
  const assigned = new Float64Array(problem.people.length);
  for (const row of rows) assigned[row.person] += row.hours;
  return problem.people.map((person, p) => {
    const availableHours = person.available.reduce((sum, h) => sum + h, 0);
    return { employeeId: person.employeeId, availableHours, assignedHours: assigned[p], utilization: availableHours > 0 ? assigned[p] / availableHours : 0 };
  });
}

export function assemblePlan(problem: PlanningProblem, context: ProblemContext, solution: ProblemSolution, run: RunInfo): StaffingPlan {
  const rows = solutionRows(problem, solution);
  const assignments = documentRows(problem, rows);
  const occupancy = occupancyOf(rows, problem.weeks.length);
  const staffed = staffedByLineWeek(problem, rows);
  const objective = recomputeObjective(problem, rows, solution.bound.coverage);
  return {
    horizon: context.horizon,
    options: {
      ...context.options,
      ...(run.timeLimitSeconds !== undefined ? { timeLimitSeconds: run.timeLimitSeconds } : {}),
      ...(run.backend !== undefined ? { backend: run.backend } : {}),
    },
    baseCurrency: context.money.baseCurrency,
    lines: context.lines,
    available: availableRows(problem),
    assignments,
    unmet: unmetRows(problem, context, occupancy, staffed),
    utilization: utilizationRows(problem, rows),
    explanations: explainAssignments(problem, context, rows, pairLookup(problem)),
    objective,
    bound: { ...solution.bound },
    gap: relativeGap(solution.bound.value, objective.value),
    solver: {
      ...solution.stats,
      backend: solution.backend,
      status: solution.status,
      algorithm: solution.algorithm,
      timeMs: run.solveMs,
      phases: run.phases,
    },
    ...(context.warnings.length > 0 ? { warnings: [...context.warnings] } : {}),
  };
}
