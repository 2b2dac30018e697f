/**
 * What every plan rule needs, computed once from the scenario and the plan's own echoed horizon and
 * options: the resolved scenario, the horizon weeks, the lines the plan must list and everyone's
 * available hours — all re-derived here, never read from the plan.
 */
import type { PlanAssignment, Scenario, StaffingPlan } from '../types.js';
import { availableHoursByEmployee } from './availability.js';
import { horizonMondays, isoDate } from './dates.js';
import { expectedLines, type ExpectedLine } from './lines.js';
import { scenarioView, type ScenarioView } from './scenarioView.js';

/** Hours compare with an absolute tolerance (DESIGN §7). */
export const HOURS_TOLERANCE = 1e-6;

/** Money sums many products, so it compares relative to its size. */
export function moneyTolerance(amount: number): number {
  return 1e-6 * Math.max(1, Math.abs(amount));
}

export interface CheckResult {
  ok: boolean;
  violations: string[];
}

export interface CheckContext {
  plan: StaffingPlan;
  view: ScenarioView;
  mondays: number[];
  weeks: string[]; // the horizon's Mondays, ISO
  weekIndex: Map<string, number>;
  lines: Map<string, ExpectedLine>;
  available: Map<string, number[]>; // recomputed, per employee, per horizon week
}

export function buildCheckContext(scenario: Scenario, plan: StaffingPlan): CheckContext {
  const view = scenarioView(scenario);
  const mondays = horizonMondays(plan.horizon.from, plan.horizon.weeks);
  const weeks = mondays.map(isoDate);
  const options = plan.options ?? ({} as StaffingPlan['options']);
  const lines = expectedLines(view, mondays, {
    minProbability: options.minProbability ?? 0,
    opportunityIds: options.opportunityIds,
    closingBefore: options.closingBefore,
  });
  return {
    plan,
    view,
    mondays,
    weeks,
    weekIndex: new Map(weeks.map((week, index) => [week, index])),
    lines: new Map(lines.map((line) => [line.lineId, line])),
    available: availableHoursByEmployee(view, mondays, options.countRequestedPto === true),
  };
}

/** A number for a message: at most 6 decimals, no trailing zeros. */
export function fmt(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : String(value);
}

/** A person as a resource manager reads it: name and id. */
export function who(ctx: CheckContext, employeeId: string): string {
  const employee = ctx.view.employeesById.get(employeeId);
  return employee ? `${employee.name} (${employeeId})` : `unknown employee ${employeeId}`;
}

/** Assignment rows of the plan that point at a known person, a planned line and one of its weeks. */
export function validAssignmentRows(ctx: CheckContext): PlanAssignment[] {
  return (ctx.plan.assignments ?? []).filter((row) => {
    const line = ctx.lines.get(row.lineId);
    return ctx.view.employeesById.has(row.employeeId) && line !== undefined && line.weeks.includes(row.week) && Number.isFinite(row.hours);
  });
}

/** Σ of a numeric value grouped by a key. */
export function sumBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return sums;
}
