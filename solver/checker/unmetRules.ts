/**
 * Unmet demand (DESIGN.md §7): for every line-week, unmet hours = hoursPerWeek × headcount − staffed
 * hours, listed exactly when above the tolerance, weighted by probability, with a reason from the fixed
 * list and a detail in words.
 */
import type { UnmetReason } from '../types.js';
import { type CheckContext, eligibleEmployees, fmt, HOURS_TOLERANCE, sumBy, validAssignmentRows } from './context.js';

export const UNMET_REASONS: readonly UnmetReason[] = ['no-eligible-person', 'eligible-people-busy', 'headcount-reached', 'not-worth-it'];

/** Staffed hours per `lineId|week`. */
export function staffedHours(ctx: CheckContext): Map<string, number> {
  return sumBy(validAssignmentRows(ctx), (row) => `${row.lineId}|${row.week}`, (row) => row.hours);
}

/** Raw unmet hours of every line-week (0 when fully staffed), keyed `lineId|week`. */
export function shortfalls(ctx: CheckContext): Map<string, number> {
  const staffed = staffedHours(ctx);
  const result = new Map<string, number>();
  for (const line of ctx.lines.values()) {
    for (const week of line.weeks) {
      const key = `${line.lineId}|${week}`;
      result.set(key, line.hoursPerWeek * line.headcount - (staffed.get(key) ?? 0));
    }
  }
  return result;
}

function checkUnmetRow(ctx: CheckContext, row: { lineId: string; week: string; hours: number; expectedHours: number; reason: string; detail: string }, shortfall: number): string[] {
  const where = `unmet: ${row.lineId} week ${row.week}`;
  const probability = ctx.lines.get(row.lineId)!.probability;
  const violations: string[] = [];
  if (shortfall <= HOURS_TOLERANCE) violations.push(`${where} is listed with ${fmt(row.hours)} h but the line-week is fully staffed`);
  else if (!(Math.abs(row.hours - shortfall) <= HOURS_TOLERANCE)) violations.push(`${where} has ${fmt(row.hours)} h, expected ${fmt(shortfall)} h`);
  // Weighted from the row's own hours, whose value is checked just above.
  const expectedHours = row.hours * probability;
  if (!(Math.abs(row.expectedHours - expectedHours) <= HOURS_TOLERANCE)) {
    violations.push(`${where} has expectedHours ${fmt(row.expectedHours)}, expected ${fmt(expectedHours)} (probability ${fmt(probability)})`);
  }
  if (!UNMET_REASONS.includes(row.reason as UnmetReason)) violations.push(`${where} has reason ${JSON.stringify(row.reason)}, not one of ${UNMET_REASONS.join(', ')}`);
  else violations.push(...checkNoEligibleReason(ctx, row));
  if (typeof row.detail !== 'string' || row.detail.trim() === '') violations.push(`${where} has no detail`);
  return violations;
}

/** `no-eligible-person` exactly when nobody is eligible for the line (skill level, certification, location). */
function checkNoEligibleReason(ctx: CheckContext, row: { lineId: string; week: string; reason: string }): string[] {
  const eligible = eligibleEmployees(ctx, ctx.lines.get(row.lineId)!);
  const where = `unmet: ${row.lineId} week ${row.week}`;
  if (row.reason === 'no-eligible-person' && eligible.length > 0) {
    const names = eligible.slice(0, 3).map((employee) => `${employee.name} (${employee.id})`).join(', ');
    return [`${where} says no-eligible-person but ${eligible.length} people are eligible, e.g. ${names}`];
  }
  if (row.reason !== 'no-eligible-person' && eligible.length === 0) return [`${where} says ${row.reason} but nobody is eligible for the line: expected no-eligible-person`];
  return [];
}

export function checkUnmet(ctx: CheckContext): string[] {
  const missing = shortfalls(ctx);
  const violations: string[] = [];
  const seen = new Set<string>();
  for (const row of ctx.plan.unmet ?? []) {
    const key = `${row.lineId}|${row.week}`;
    if (seen.has(key)) {
      violations.push(`unmet: ${row.lineId} week ${row.week} is listed more than once`);
      continue;
    }
    seen.add(key);
    const shortfall = missing.get(key);
    if (shortfall === undefined) violations.push(`unmet: ${row.lineId} week ${row.week} is not a week of a planned line`);
    else violations.push(...checkUnmetRow(ctx, row, shortfall));
  }
  for (const [key, shortfall] of missing) {
    const [lineId, week] = key.split('|') as [string, string];
    if (shortfall < -HOURS_TOLERANCE) violations.push(`demand: ${lineId} week ${week} is staffed ${fmt(-shortfall)} h beyond its demand`);
    if (shortfall > HOURS_TOLERANCE && !seen.has(key)) violations.push(`unmet: ${lineId} week ${week} misses ${fmt(shortfall)} h but has no unmet row`);
  }
  return violations;
}
