/**
 * Free hours for an estimate: the calendar's available hours (PTO, holidays, current assignments) minus
 * the hours a stored staffing plan already gives each person, each week floored at zero. The plan's
 * hours on the estimated opportunity's own lines are NOT subtracted: re-estimating a deal that is already
 * in the plan must not count its own team as busy.
 */
import { availabilityMatrix } from '../calendar/availability.js';
import type { Horizon, IsoDate, PlanAssignment, Scenario } from '../types.js';

export interface FreeHours {
  weeks: IsoDate[];
  weekIndex: Map<IsoDate, number>;
  employeeIds: string[];
  free: Float64Array[]; // [person][week]
}

export function freeHours(scenario: Scenario, horizon: Horizon, options: { countRequestedPto?: boolean; planned?: PlanAssignment[]; ownLineIds?: ReadonlySet<string> }): FreeHours {
  const matrix = availabilityMatrix(scenario, horizon, { countRequestedPto: options.countRequestedPto });
  const weekIndex = new Map(matrix.weeks.map((week, w) => [week, w] as const));
  const personIndex = new Map(matrix.employeeIds.map((id, p) => [id, p] as const));
  const free = matrix.hours.map((row) => Float64Array.from(row));
  for (const assignment of options.planned ?? []) {
    if (options.ownLineIds?.has(assignment.lineId)) continue;
    const p = personIndex.get(assignment.employeeId);
    const w = weekIndex.get(assignment.week);
    if (p === undefined || w === undefined) continue;
    free[p][w] = Math.max(0, free[p][w] - assignment.hours);
  }
  return { weeks: matrix.weeks, weekIndex, employeeIds: matrix.employeeIds, free };
}
