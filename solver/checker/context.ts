/**
 * What every plan rule needs, computed once from the scenario and the plan's own echoed horizon and
 * options: the resolved scenario, the horizon weeks, the lines the plan must list and everyone's
 * available hours — all re-derived here, never read from the plan.
 */
import type { Employee, PlanAssignment, Scenario, StaffingPlan } from '../types.js';
import { availableHoursByEmployee } from './availability.js';
import { horizonMondays, isoDate } from './dates.js';
import { isEligible } from './eligibility.js';
import { expectedDemand, type ExpectedDemand, type ExpectedLine } from './lines.js';
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
  lines: Map<string, ExpectedLine>; // a repeated line id keeps its first line (the repeat is a reported problem)
  demand: ExpectedDemand; // lines, skipped opportunities and scenario problems, re-derived
  available: Map<string, number[]>; // recomputed, per employee, per horizon week
  /** Employees holding each skill (any level), sorted by id: eligibility is only tested among them. */
  holdersBySkill: Map<string, Employee[]>;
  /** Memo of validAssignmentRows and eligibleEmployees: rules ask for them again and again. */
  memo: { validRows?: PlanAssignment[]; eligible: Map<string, Employee[]> };
}

export function buildCheckContext(scenario: Scenario, plan: StaffingPlan): CheckContext {
  const view = scenarioView(scenario);
  const mondays = horizonMondays(plan.horizon.from, plan.horizon.weeks);
  const weeks = mondays.map(isoDate);
  const options = plan.options ?? ({} as StaffingPlan['options']);
  const demand = expectedDemand(view, mondays, {
    minProbability: options.minProbability ?? 0,
    opportunityIds: options.opportunityIds,
    closingBefore: options.closingBefore,
  });
  const lines = new Map<string, ExpectedLine>();
  for (const line of demand.lines) if (!lines.has(line.lineId)) lines.set(line.lineId, line);
  return {
    plan,
    view,
    mondays,
    weeks,
    weekIndex: new Map(weeks.map((week, index) => [week, index])),
    lines,
    demand,
    available: availableHoursByEmployee(view, mondays, options.countRequestedPto === true),
    holdersBySkill: holdersBySkill(view.employees),
    memo: { eligible: new Map() },
  };
}

/** Skill → the employees listing it, each once, in employee order. */
function holdersBySkill(employees: readonly Employee[]): Map<string, Employee[]> {
  const holders = new Map<string, Employee[]>();
  for (const employee of employees) {
    for (const skill of new Set((employee.skills ?? []).map((held) => held.skill))) {
      const list = holders.get(skill);
      if (list) list.push(employee);
      else holders.set(skill, [employee]);
    }
  }
  return holders;
}

/** Everyone eligible for the line (skill level, certification, location), found among the skill's holders only. */
export function eligibleEmployees(ctx: CheckContext, line: ExpectedLine): Employee[] {
  let eligible = ctx.memo.eligible.get(line.lineId);
  if (!eligible) {
    eligible = (ctx.holdersBySkill.get(line.skill) ?? []).filter((employee) => isEligible(employee, line));
    ctx.memo.eligible.set(line.lineId, eligible);
  }
  return eligible;
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
  ctx.memo.validRows ??= (ctx.plan.assignments ?? []).filter((row) => {
    const line = ctx.lines.get(row.lineId);
    return ctx.view.employeesById.has(row.employeeId) && line !== undefined && line.weeks.includes(row.week) && Number.isFinite(row.hours);
  });
  return ctx.memo.validRows;
}

/** Σ of a numeric value grouped by a key. */
export function sumBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + value(row));
  return sums;
}
