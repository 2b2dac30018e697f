/**
 * Rules on the plan's assignment rows (DESIGN.md §1 "In a plan"): rows point at real people, planned
 * lines and their weeks; only eligible people; per line-week cap; weekly capacity; headcount; pins.
 */
import { type CheckContext, fmt, HOURS_TOLERANCE, sumBy, validAssignmentRows, who } from './context.js';
import { ineligibilityReason } from './eligibility.js';

const rowKey = (row: { employeeId: string; lineId: string; week: string }) => `${row.employeeId}|${row.lineId}|${row.week}`;

/** Each row has positive hours, a known person, a planned line, one of its weeks, and is not repeated. */
export function checkAssignmentRows(ctx: CheckContext): string[] {
  const violations: string[] = [];
  const seen = new Set<string>();
  for (const row of ctx.plan.assignments ?? []) {
    const where = `${who(ctx, row.employeeId)} on ${row.lineId} week ${row.week}`;
    if (!(typeof row.hours === 'number' && Number.isFinite(row.hours) && row.hours > 0)) {
      violations.push(`assignments: ${where} has hours ${JSON.stringify(row.hours)}, not a positive number`);
    }
    if (seen.has(rowKey(row))) violations.push(`assignments: ${where} appears more than once`);
    seen.add(rowKey(row));
    if (!ctx.view.employeesById.has(row.employeeId)) violations.push(`assignments: ${where}: no such employee`);
    const line = ctx.lines.get(row.lineId);
    if (!line) violations.push(`assignments: ${where}: ${row.lineId} is not a planned line`);
    else if (!line.weeks.includes(row.week)) {
      violations.push(`assignments: ${where}: ${row.week} is not a week of the line (${line.weeks[0]}..${line.weeks.at(-1)})`);
    }
  }
  return violations;
}

/** Hours go only to people eligible for the line. */
export function checkEligibility(ctx: CheckContext): string[] {
  const violations: string[] = [];
  const weeksByPair = new Map<string, string[]>();
  for (const row of validAssignmentRows(ctx)) {
    const key = `${row.employeeId}|${row.lineId}`;
    const weeks = weeksByPair.get(key);
    if (weeks) weeks.push(row.week);
    else weeksByPair.set(key, [row.week]);
  }
  for (const [key, weeks] of [...weeksByPair].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [employeeId, lineId] = key.split('|') as [string, string];
    const reason = ineligibilityReason(ctx.view.employeesById.get(employeeId)!, ctx.lines.get(lineId)!);
    if (reason) violations.push(`eligibility: ${who(ctx, employeeId)} is not eligible for ${lineId} (${reason}) but has hours in ${weeks.sort().join(', ')}`);
  }
  return violations;
}

/** A person's hours on one line in one week never exceed the line's hoursPerWeek. */
export function checkLineWeekCap(ctx: CheckContext): string[] {
  const hours = sumBy(validAssignmentRows(ctx), rowKey, (row) => row.hours);
  const violations: string[] = [];
  for (const [key, total] of hours) {
    const [employeeId, lineId, week] = key.split('|') as [string, string, string];
    const cap = ctx.lines.get(lineId)!.hoursPerWeek;
    if (total > cap + HOURS_TOLERANCE) {
      violations.push(`line-week cap: ${who(ctx, employeeId)} has ${fmt(total)} h on ${lineId} in week ${week}, above its ${fmt(cap)} h per week`);
    }
  }
  return violations;
}

/** A person's hours in a week, over all lines, never exceed their available hours. */
export function checkWeeklyCapacity(ctx: CheckContext): string[] {
  const rows = validAssignmentRows(ctx);
  const hours = sumBy(rows, (row) => `${row.employeeId}|${row.week}`, (row) => row.hours);
  const violations: string[] = [];
  for (const [key, total] of hours) {
    const [employeeId, week] = key.split('|') as [string, string];
    const available = ctx.available.get(employeeId)![ctx.weekIndex.get(week)!]!;
    if (total > available + HOURS_TOLERANCE) {
      const lines = [...new Set(rows.filter((row) => row.employeeId === employeeId && row.week === week).map((row) => row.lineId))].sort();
      violations.push(`capacity: ${who(ctx, employeeId)} has ${fmt(total)} h in week ${week} on ${lines.join(', ')} but only ${fmt(available)} h available`);
    }
  }
  return violations;
}

/** At most headcount distinct people work on a line over the whole plan. */
export function checkHeadcount(ctx: CheckContext): string[] {
  const people = new Map<string, Set<string>>();
  for (const row of validAssignmentRows(ctx)) {
    if (row.hours <= 0) continue;
    people.set(row.lineId, (people.get(row.lineId) ?? new Set()).add(row.employeeId));
  }
  const violations: string[] = [];
  for (const [lineId, staff] of people) {
    const headcount = ctx.lines.get(lineId)!.headcount;
    if (staff.size > headcount) {
      violations.push(`headcount: ${lineId} has ${staff.size} people (${[...staff].sort().join(', ')}) but headcount ${headcount}`);
    }
  }
  return violations;
}

/** Pinned assignments stand as given: present with exactly their hours. */
export function checkPinned(ctx: CheckContext): string[] {
  const planned = sumBy(ctx.plan.assignments ?? [], rowKey, (row) => row.hours);
  const violations: string[] = [];
  for (const pin of ctx.plan.options?.pinned ?? []) {
    const hours = planned.get(rowKey(pin));
    const where = `${who(ctx, pin.employeeId)} on ${pin.lineId} week ${pin.week}`;
    if (hours === undefined) violations.push(`pinned: ${where} (${fmt(pin.hours)} h) is missing from the plan`);
    else if (!(Math.abs(hours - pin.hours) <= HOURS_TOLERANCE)) {
      violations.push(`pinned: ${where} has ${fmt(hours)} h, pinned at ${fmt(pin.hours)} h`);
    }
  }
  return violations;
}
