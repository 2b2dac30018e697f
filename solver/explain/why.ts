/**
 * Why each person works on each line (one explanation per (person, line) of the plan): their level
 * against the line's minimum, the free hours they had in those weeks, cost against bill rate and where
 * that cost ranks among the eligible people, and continuity with the previous plan or a pin.
 */
import type { IndexedRow } from '../plan/objective.js';
import type { ProblemContext } from '../problem.js';
import type { AssignmentExplanation, PlanningProblem, ProblemPair } from '../types.js';
import { hoursText, moneyText } from './words.js';

interface Group {
  person: number;
  line: number;
  weeks: number[];
  hours: number;
}

function groupRows(rows: readonly IndexedRow[], lineCount: number): Group[] {
  const groups = new Map<number, Group>();
  for (const row of rows) {
    const key = row.person * lineCount + row.line;
    const group = groups.get(key) ?? { person: row.person, line: row.line, weeks: [], hours: 0 };
    group.weeks.push(row.week);
    group.hours += row.hours;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** 1-based rank of the person's cost among the line's eligible people (1 = cheapest). */
function costRank(problem: PlanningProblem, eligible: Int32Array, person: number): number {
  const cost = problem.people[person].costRate;
  let cheaper = 0;
  for (const p of eligible) if (problem.people[p].costRate < cost) cheaper++;
  return cheaper + 1;
}

function continuityText(problem: PlanningProblem, group: Group, previousHours: Map<number, number>, pinnedWeeks: Map<number, number>): string {
  const key = group.person * problem.lines.length + group.line;
  const parts: string[] = [];
  const pinned = pinnedWeeks.get(key);
  if (pinned) parts.push(`pinned in ${pinned} week(s)`);
  const before = previousHours.get(key);
  if (before !== undefined) parts.push(`continues the previous plan (${hoursText(before)} on this line there)`);
  else if (previousHours.size > 0) parts.push('new on this line against the previous plan');
  return parts.join('; ');
}

function whyText(problem: PlanningProblem, context: ProblemContext, pair: ProblemPair, group: Group, continuity: string): string {
  const person = problem.people[group.person];
  const line = context.lines[group.line];
  const free = group.weeks.reduce((sum, w) => sum + person.available[w], 0);
  const currency = context.money.baseCurrency;
  const eligible = context.eligible[group.line];
  const parts = [
    `level ${pair.level} in ${line.skill} (line needs ≥ ${line.minLevel})`,
    `${hoursText(free)} free in these ${group.weeks.length} week(s), ${hoursText(group.hours)} staffed here`,
    `cost ${moneyText(person.costRate, currency)}/h against bill ${moneyText(pair.billRate, currency)}/h (margin ${moneyText(pair.marginPerHour, currency)}/h), cost rank ${costRank(problem, eligible, group.person)} of ${eligible.length} eligible`,
  ];
  if (continuity) parts.push(continuity);
  return parts.join('; ');
}

/** One explanation per (person, line), sorted by (employeeId, lineId). */
export function explainAssignments(problem: PlanningProblem, context: ProblemContext, rows: readonly IndexedRow[], pairs: Map<number, ProblemPair>): AssignmentExplanation[] {
  const lineCount = problem.lines.length;
  const previousHours = new Map<number, number>();
  for (const prev of problem.previous) {
    const key = prev.person * lineCount + prev.line;
    previousHours.set(key, (previousHours.get(key) ?? 0) + prev.hours);
  }
  const pinnedWeeks = new Map<number, number>();
  for (const pin of problem.pinned) pinnedWeeks.set(pin.person * lineCount + pin.line, (pinnedWeeks.get(pin.person * lineCount + pin.line) ?? 0) + 1);
  return groupRows(rows, lineCount)
    .sort((a, b) => a.person - b.person || a.line - b.line)
    .map((group) => {
      const pair = pairs.get(group.person * lineCount + group.line)!;
      const weeks = [...group.weeks].sort((a, b) => a - b);
      return {
        employeeId: problem.people[group.person].employeeId,
        lineId: problem.lines[group.line].lineId,
        weeks: weeks.map((w) => context.weeks[w]),
        hours: group.hours,
        why: whyText(problem, context, pair, { ...group, weeks }, continuityText(problem, group, previousHours, pinnedWeeks)),
      };
    });
}
