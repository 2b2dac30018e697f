/**
 * Why a line-week stays short, from the fixed list (DESIGN.md §7), with names and a fix:
 * - no-eligible-person: nobody holds the skill at that level (with the certification, in the place);
 * - headcount-reached: someone eligible has free hours but the line's team is full;
 * - eligible-people-busy: every eligible person is booked on named lines, on PTO or unavailable;
 * - not-worth-it: someone could still add hours but the optimizer judged it not worth it (a sliver
 *   that costs another person on the line, or the time limit).
 */
import { weekBreakdown } from '../calendar/availability.js';
import type { ProblemContext } from '../problem.js';
import type { PlanningProblem, PlanUnmet, UnmetReason } from '../types.js';
import { lineWeekHours, type Occupancy, weekHours } from './occupancy.js';
import { countWord, hoursText, nameList, profileText, weekRange } from './words.js';

const TOLERANCE = 1e-6;

interface Situation {
  reason: UnmetReason;
  detail: string;
}

/** Hours person p could still add to line j in week w. */
function slack(problem: PlanningProblem, occupancy: Occupancy, p: number, j: number, w: number): number {
  const capacity = problem.people[p].available[w] - weekHours(occupancy, p, w);
  const lineRoom = problem.lines[j].hoursPerWeek - lineWeekHours(occupancy, p, j, w);
  return Math.min(capacity, lineRoom);
}

/** Hours already on the short line itself; "its weekly cap" only when they reach the line's hoursPerWeek. */
export function onThisLineText(hours: number, lineHoursPerWeek: number): string {
  return hours >= lineHoursPerWeek - TOLERANCE ? `${hoursText(hours)} on this line (its weekly cap)` : `${hoursText(hours)} on this line`;
}

/** "Ann Lee: 32 h on O2#1, 8 h PTO" — where a person's week went. */
export function busyText(context: ProblemContext, occupancy: Occupancy, p: number, j: number, w: number): string {
  const employee = context.employees[p];
  const parts: string[] = [];
  for (const row of occupancy.rowsByPerson.get(p) ?? []) {
    if (row.week !== w || row.hours <= 0) continue;
    parts.push(row.line === j ? onThisLineText(row.hours, context.lines[j].hoursPerWeek) : `${hoursText(row.hours)} on ${context.lines[row.line].lineId}`);
  }
  const breakdown = weekBreakdown(employee, context.weeks[w], context.calendar);
  if (breakdown.pto > TOLERANCE) parts.push(`${hoursText(breakdown.pto)} PTO`);
  if (breakdown.committed > TOLERANCE) parts.push(`${hoursText(breakdown.committed)} on current assignments`);
  if (breakdown.scheduled <= TOLERANCE) parts.push('no working days that week (holidays or outside employment)');
  return `${employee.name}: ${parts.length > 0 ? parts.join(', ') : 'no free hours'}`;
}

function nobodyText(context: ProblemContext, j: number): string {
  const line = context.lines[j];
  const cert = line.requiresCertification ? ` with a certification valid on ${line.start}` : '';
  const where = line.location !== undefined && !line.remoteAllowed ? ` in ${line.location}` : '';
  return `nobody holds ${line.skill} at level ≥ ${line.minLevel}${cert}${where}`;
}

/** The reason and detail for one short line-week. */
export function unmetSituation(problem: PlanningProblem, context: ProblemContext, occupancy: Occupancy, j: number, w: number): Situation {
  const eligible = context.eligible[j];
  if (eligible.length === 0) return { reason: 'no-eligible-person', detail: nobodyText(context, j) };
  const team = occupancy.teams.get(j) ?? new Set<number>();
  const headcount = problem.lines[j].headcount;
  const freeMembers: number[] = [];
  const freeOthers: number[] = [];
  for (const p of eligible) {
    if (slack(problem, occupancy, p, j, w) <= TOLERANCE) continue;
    (team.has(p) ? freeMembers : freeOthers).push(p);
  }
  const names = (people: number[]) => people.map((p) => `${context.employees[p].name} (${hoursText(slack(problem, occupancy, p, j, w))} free)`);
  if (freeMembers.length > 0 || (freeOthers.length > 0 && team.size < headcount)) {
    return {
      reason: 'not-worth-it',
      detail: `${nameList(names([...freeMembers, ...freeOthers]))} could add hours, but the optimizer left them out: too few hours to justify another person on the line, or the time limit stopped it`,
    };
  }
  if (freeOthers.length > 0) {
    const teamNames = [...team].sort((a, b) => a - b).map((p) => context.employees[p].name);
    return {
      reason: 'headcount-reached',
      detail: `the line's headcount of ${headcount} is filled by ${nameList(teamNames)}, with no more hours for it this week; ${nameList(names(freeOthers))} could help but cannot join`,
    };
  }
  const shown = [...eligible.subarray(0, 3)].map((p) => busyText(context, occupancy, p, j, w));
  const more = eligible.length > shown.length ? `; and ${eligible.length - shown.length} more` : '';
  const who = eligible.length === 1 ? 'the one eligible person is' : `all ${eligible.length} eligible people are`;
  return { reason: 'eligible-people-busy', detail: `${who} booked — ${shown.join('; ')}${more}` };
}

/** What would cover a run of short weeks with the same reason. */
export function fixText(context: ProblemContext, j: number, reason: UnmetReason, first: string, last: string, maxHours: number): string {
  const line = context.lines[j];
  const range = weekRange(first, last);
  const people = Math.max(1, Math.ceil(maxHours / line.hoursPerWeek - 1e-9));
  switch (reason) {
    case 'no-eligible-person':
    case 'eligible-people-busy':
      return `${countWord(people)} more ${profileText(line, people)} in ${range}`;
    case 'headcount-reached':
      return `raise ${line.lineId}'s headcount to ${line.headcount + people}, or free a team member's hours, in ${range}`;
    case 'not-worth-it':
      return `pin an eligible person with free hours to ${line.lineId} in ${range}, or allow more solve time`;
  }
}

/** Every short line-week (shortfall above 1e-6), sorted by (lineId, week), with reason, detail and fix. */
export function unmetRows(problem: PlanningProblem, context: ProblemContext, occupancy: Occupancy, staffed: readonly Float64Array[]): PlanUnmet[] {
  const rows: PlanUnmet[] = [];
  problem.lines.forEach((line, j) => {
    const run: { row: PlanUnmet; hours: number }[] = [];
    const closeRun = () => {
      if (run.length === 0) return;
      const maxHours = Math.max(...run.map((r) => r.hours));
      const fix = fixText(context, j, run[0].row.reason, run[0].row.week, run[run.length - 1].row.week, maxHours);
      for (const r of run) rows.push({ ...r.row, fix });
      run.length = 0;
    };
    let previousWeek = -2;
    for (const w of line.weeks) {
      const hours = line.hoursPerWeek * line.headcount - staffed[j][w];
      if (hours <= TOLERANCE) continue;
      const situation = unmetSituation(problem, context, occupancy, j, w);
      if (run.length > 0 && (w !== previousWeek + 1 || run[0].row.reason !== situation.reason)) closeRun();
      run.push({ row: { lineId: line.lineId, week: context.weeks[w], hours, expectedHours: hours * line.probability, reason: situation.reason, detail: situation.detail }, hours });
      previousWeek = w;
    }
    closeRun();
  });
  return rows;
}
