/**
 * The objective recomputed from the plan's rows (BRIEF "Objective"): coverage, expected margin from the
 * rate cards and costs, the unmet penalty and its per-hour price, fragmentation and churn, the value
 * identity, and the bound and gap.
 */
import { type CheckContext, eligibleEmployees, fmt, moneyTolerance, validAssignmentRows } from './context.js';
import { skillLevel } from './eligibility.js';
import { MoneyError, moneyRules, type MoneyRules } from './money.js';
import { shortfalls } from './unmetRules.js';

function mismatch(name: string, reported: number, expected: number): string[] {
  return Math.abs(reported - expected) <= moneyTolerance(expected)
    ? []
    : [`objective: ${name} is ${fmt(reported)}, recomputed ${fmt(expected)}`];
}

/** coverage = Σ probability × assigned hours. */
export function checkCoverage(ctx: CheckContext): string[] {
  const coverage = validAssignmentRows(ctx).reduce((sum, row) => sum + ctx.lines.get(row.lineId)!.probability * row.hours, 0);
  const objective = ctx.plan.objective;
  const violations = mismatch('coverage', objective.coverage, coverage);
  for (const [name, limit] of [['objective.maxCoverage', objective.maxCoverage], ['bound.coverage', ctx.plan.bound?.coverage]] as const) {
    if (limit !== undefined && limit < objective.coverage - moneyTolerance(objective.coverage)) {
      violations.push(`objective: ${name} ${fmt(limit)} is below the plan's coverage ${fmt(objective.coverage)}`);
    }
  }
  return violations;
}

function expectedMargin(ctx: CheckContext, money: MoneyRules): number {
  let margin = 0;
  for (const row of validAssignmentRows(ctx)) {
    const line = ctx.lines.get(row.lineId)!;
    const employee = ctx.view.employeesById.get(row.employeeId)!;
    margin += line.probability * (money.billRate(line.skill, skillLevel(employee, line.skill)) - money.costRate(employee)) * row.hours;
  }
  return margin;
}

/** U = max(1000, 100 × max over eligible (person, line) pairs |bill − cost|): coverage comes first. */
export function expectedUnmetPenaltyPerHour(ctx: CheckContext, money: MoneyRules): number {
  let widest = 0;
  for (const line of ctx.lines.values()) {
    for (const employee of eligibleEmployees(ctx, line)) {
      widest = Math.max(widest, Math.abs(money.billRate(line.skill, skillLevel(employee, line.skill)) - money.costRate(employee)));
    }
  }
  return Math.max(1000, 100 * widest);
}

/** Base currency, expected margin and the unmet penalty's price, all from the scenario's money. */
export function checkMoney(ctx: CheckContext): string[] {
  let money: MoneyRules;
  try {
    money = moneyRules(ctx.view);
    const violations: string[] = [];
    if (money.baseCurrency !== null && ctx.plan.baseCurrency !== money.baseCurrency) {
      violations.push(`objective: baseCurrency is ${JSON.stringify(ctx.plan.baseCurrency)}, expected ${money.baseCurrency}`);
    }
    violations.push(...mismatch('expectedMargin', ctx.plan.objective.expectedMargin, expectedMargin(ctx, money)));
    violations.push(...mismatch('unmetPenaltyPerHour', ctx.plan.objective.unmetPenaltyPerHour, expectedUnmetPenaltyPerHour(ctx, money)));
    return violations;
  } catch (error) {
    if (error instanceof MoneyError) return [`money: ${error.message}`];
    throw error;
  }
}

/** unmetPenalty = U × Σ unmet expected hours, with U as the plan reports it (checked in checkMoney). */
export function checkUnmetPenalty(ctx: CheckContext): string[] {
  let unmetExpected = 0;
  for (const [key, shortfall] of shortfalls(ctx)) {
    if (shortfall > 0) unmetExpected += shortfall * ctx.lines.get(key.slice(0, key.lastIndexOf('|')))!.probability;
  }
  return mismatch('unmetPenalty', ctx.plan.objective.unmetPenalty, ctx.plan.objective.unmetPenaltyPerHour * unmetExpected);
}

/** fragmentationPenalty = per pair × (person, line) pairs used, when the per-pair price is echoed. */
export function checkFragmentation(ctx: CheckContext): string[] {
  const { fragmentationPenalty, fragmentationPenaltyPerPair } = ctx.plan.objective;
  const pairs = new Set(validAssignmentRows(ctx).filter((row) => row.hours > 0).map((row) => `${row.employeeId}|${row.lineId}`));
  if (fragmentationPenaltyPerPair !== undefined) return mismatch('fragmentationPenalty', fragmentationPenalty, fragmentationPenaltyPerPair * pairs.size);
  if (fragmentationPenalty < 0) return [`objective: fragmentationPenalty ${fmt(fragmentationPenalty)} is negative`];
  return pairs.size === 0 ? mismatch('fragmentationPenalty', fragmentationPenalty, 0) : [];
}

/**
 * churnPenalty = per hour × Σ |hours − previous hours|. The one churn rule (solver/plan/objective.ts
 * the solver's scorer applies it too): churn is charged only when the echoed previous plan has
 * at least one (kept) entry; without one the penalty is 0 whatever the per-hour price.
 */
export function checkChurn(ctx: CheckContext): string[] {
  const { churnPenalty, churnPenaltyPerHour } = ctx.plan.objective;
  const previous = ctx.plan.options?.previousPlan?.assignments;
  if (!previous || previous.length === 0) return mismatch('churnPenalty (no previous plan entry)', churnPenalty, 0);
  const delta = new Map<string, number>();
  const key = (row: { employeeId: string; lineId: string; week: string }) => `${row.employeeId}|${row.lineId}|${row.week}`;
  for (const row of ctx.plan.assignments ?? []) delta.set(key(row), (delta.get(key(row)) ?? 0) + row.hours);
  for (const row of previous) delta.set(key(row), (delta.get(key(row)) ?? 0) - row.hours);
  const moved = [...delta.values()].reduce((sum, hours) => sum + Math.abs(hours), 0);
  if (churnPenaltyPerHour !== undefined) return mismatch('churnPenalty', churnPenalty, churnPenaltyPerHour * moved);
  return churnPenalty < 0 ? [`objective: churnPenalty ${fmt(churnPenalty)} is negative`] : [];
}

/** value = expectedMargin − unmetPenalty − fragmentationPenalty − churnPenalty, as reported. */
export function checkObjectiveValue(ctx: CheckContext): string[] {
  const o = ctx.plan.objective;
  return mismatch('value (margin − unmet − fragmentation − churn)', o.value, o.expectedMargin - o.unmetPenalty - o.fragmentationPenalty - o.churnPenalty);
}

/** The bound is an upper bound of the value and gap = (bound − value) / |bound| (0 when both are 0). */
export function checkBoundAndGap(ctx: CheckContext): string[] {
  const value = ctx.plan.objective.value;
  const bound = ctx.plan.bound?.value;
  if (typeof bound !== 'number' || !Number.isFinite(bound)) return [`bound: value ${JSON.stringify(bound)} is not a number`];
  const violations: string[] = [];
  if (bound < value - moneyTolerance(value)) violations.push(`bound: ${fmt(bound)} is below the objective value ${fmt(value)}`);
  if (bound === 0 && value !== 0) return violations; // the gap is unbounded: nothing finite to compare
  const gap = bound === 0 ? 0 : (bound - value) / Math.abs(bound);
  if (!(Math.abs(ctx.plan.gap - gap) <= 1e-6 * Math.max(1, Math.abs(gap)))) violations.push(`gap: ${fmt(ctx.plan.gap)}, recomputed ${fmt(gap)}`);
  return violations;
}
