/**
 * Shape rules of a staffing plan: the horizon, the listed lines and the available hours.
 */
import type { Horizon, PlanLine } from '../types.js';
import { dayNumber, isIsoDate, isoWeekday } from './dates.js';
import { type CheckContext, fmt, HOURS_TOLERANCE, who } from './context.js';
import type { ExpectedLine } from './lines.js';

/** A horizon the rules can name weeks in: an ISO date and a whole positive number of weeks. */
export function isReadableHorizon(horizon: Horizon | undefined): horizon is Horizon {
  return isIsoDate(horizon?.from) && Number.isInteger(horizon?.weeks) && horizon!.weeks >= 1;
}

/** The horizon starts on a Monday and has a whole positive number of weeks. */
export function checkHorizon(horizon: Horizon | undefined): string[] {
  const violations: string[] = [];
  const { from, weeks } = horizon ?? ({} as Partial<Horizon>);
  if (!isIsoDate(from)) violations.push(`horizon: from ${JSON.stringify(from)} is not an ISO date`);
  else if (isoWeekday(dayNumber(from)) !== 1) violations.push(`horizon: from ${from} is not a Monday`);
  if (!(Number.isInteger(weeks) && (weeks as number) >= 1)) violations.push(`horizon: weeks ${JSON.stringify(weeks)} is not a positive whole number`);
  return violations;
}

const COMPARED_FIELDS = ['opportunityId', 'skill', 'minLevel', 'hoursPerWeek', 'headcount', 'start', 'location', 'remoteAllowed', 'requiresCertification'] as const;

function lineFieldMismatches(listed: PlanLine, expected: ExpectedLine): string[] {
  const mismatches: string[] = [];
  for (const field of COMPARED_FIELDS) {
    if (field === 'start' && listed.start === undefined) continue;
    const actual = listed[field] ?? (field === 'remoteAllowed' || field === 'requiresCertification' ? false : undefined);
    if (actual !== expected[field]) {
      mismatches.push(`line ${expected.lineId}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected[field])}`);
    }
  }
  if (Math.abs(listed.probability - expected.probability) > 1e-9) {
    mismatches.push(`line ${expected.lineId}: probability is ${fmt(listed.probability)}, expected ${fmt(expected.probability)}`);
  }
  if (JSON.stringify(listed.weeks) !== JSON.stringify(expected.weeks)) {
    mismatches.push(`line ${expected.lineId}: weeks are [${(listed.weeks ?? []).join(', ')}], expected [${expected.weeks.join(', ')}]`);
  }
  return mismatches;
}

/** Exactly the planned lines, once each, with the fields DESIGN §1 gives them. */
export function checkLines(ctx: CheckContext): string[] {
  const violations: string[] = [];
  const seen = new Set<string>();
  for (const listed of ctx.plan.lines ?? []) {
    if (seen.has(listed.lineId)) {
      violations.push(`lines: line ${listed.lineId} is listed more than once`);
      continue;
    }
    seen.add(listed.lineId);
    const expected = ctx.lines.get(listed.lineId);
    if (!expected) {
      violations.push(`lines: line ${listed.lineId} (opportunity ${listed.opportunityId}) should not be planned: unknown, lost, filtered out or without a week in the horizon`);
      continue;
    }
    violations.push(...lineFieldMismatches(listed, expected).map((text) => `lines: ${text}`));
  }
  for (const expected of ctx.lines.values()) {
    if (!seen.has(expected.lineId)) {
      violations.push(`lines: line ${expected.lineId} (opportunity ${expected.opportunityId}, ${expected.skill}, weeks ${expected.weeks[0]}..${expected.weeks.at(-1)}) is missing`);
    }
  }
  return violations;
}

/** One row per employee × horizon week with the hours the §1 calendar rule gives. */
export function checkAvailable(ctx: CheckContext): string[] {
  const violations: string[] = [];
  // Rows seen per employee and week index: no string key per row, which matters at 10,000 × 52 rows.
  const seen = new Map<string, Uint8Array>();
  for (const row of ctx.plan.available ?? []) {
    const expectedHours = ctx.available.get(row.employeeId);
    const weekIndex = ctx.weekIndex.get(row.week);
    if (!expectedHours) {
      violations.push(`available: ${who(ctx, row.employeeId)} is not an employee of the scenario`);
      continue;
    }
    if (weekIndex === undefined) {
      violations.push(`available: week ${row.week} of ${who(ctx, row.employeeId)} is not a horizon week`);
      continue;
    }
    let weeks = seen.get(row.employeeId);
    if (!weeks) seen.set(row.employeeId, (weeks = new Uint8Array(ctx.weeks.length)));
    if (weeks[weekIndex]) violations.push(`available: ${who(ctx, row.employeeId)} week ${row.week} is listed more than once`);
    weeks[weekIndex] = 1;
    if (!(Math.abs(row.hours - expectedHours[weekIndex]!) <= HOURS_TOLERANCE)) {
      violations.push(`available: ${who(ctx, row.employeeId)} week ${row.week} has ${fmt(row.hours)} h, expected ${fmt(expectedHours[weekIndex]!)} h`);
    }
  }
  for (const [employeeId] of ctx.available) {
    const weeks = seen.get(employeeId);
    ctx.weeks.forEach((week, index) => {
      if (!weeks?.[index]) violations.push(`available: ${who(ctx, employeeId)} week ${week} is missing`);
    });
  }
  return violations;
}
