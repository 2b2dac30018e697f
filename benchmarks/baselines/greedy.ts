/**
 * The greedy baseline most scheduling tools implement: lines by expected value (probability × demand
 * hours × margin, highest first); each week the eligible person with the most free hours, within
 * headcount, reusing people already chosen for the line first. It respects every plan rule.
 */
import type { PlanningProblem } from '../../solver/types.js';
import type { StaffedHours } from '../staffing.js';
import { TOLERANCE, weeklyDemand } from '../staffing.js';

interface LineCandidates {
  line: number;
  people: number[];
  meanMargin: number;
}

function candidatesByLine(problem: PlanningProblem): LineCandidates[] {
  const byLine: LineCandidates[] = problem.lines.map((_, line) => ({ line, people: [], meanMargin: 0 }));
  for (const pair of problem.pairs) {
    byLine[pair.line].people.push(pair.person);
    byLine[pair.line].meanMargin += pair.marginPerHour;
  }
  for (const entry of byLine) entry.meanMargin = entry.people.length ? entry.meanMargin / entry.people.length : 0;
  return byLine;
}

/** Expected value of a line: probability × its demand hours in the horizon × mean margin of its candidates. */
export function lineExpectedValue(problem: PlanningProblem, candidates: LineCandidates): number {
  const line = problem.lines[candidates.line];
  return line.probability * weeklyDemand(problem, candidates.line) * line.weeks.length * candidates.meanMargin;
}

class FreeHours {
  private readonly free: Float64Array;
  constructor(private readonly problem: PlanningProblem) {
    const weeks = problem.weeks.length;
    this.free = new Float64Array(problem.people.length * weeks);
    problem.people.forEach((person, index) => this.free.set(person.available, index * weeks));
  }
  get(person: number, week: number): number {
    return this.free[person * this.problem.weeks.length + week];
  }
  take(person: number, week: number, hours: number): void {
    this.free[person * this.problem.weeks.length + week] -= hours;
  }
}

/** The people to try this week: the line's team first, then newcomers while headcount allows; most free hours first. */
function orderedCandidates(people: number[], team: Set<number>, free: FreeHours, week: number): { reused: number[]; newcomers: number[] } {
  const byFreeHours = (a: number, b: number) => free.get(b, week) - free.get(a, week) || a - b;
  const reused = people.filter((person) => team.has(person) && free.get(person, week) > TOLERANCE).sort(byFreeHours);
  const newcomers = people.filter((person) => !team.has(person) && free.get(person, week) > TOLERANCE).sort(byFreeHours);
  return { reused, newcomers };
}

function staffLineWeek(problem: PlanningProblem, candidates: LineCandidates, week: number, team: Set<number>, free: FreeHours, already: number, pinnedKeys: Set<string>, result: StaffedHours[]): void {
  const line = problem.lines[candidates.line];
  let remaining = weeklyDemand(problem, candidates.line) - already;
  const { reused, newcomers } = orderedCandidates(candidates.people, team, free, week);
  for (const person of [...reused, ...newcomers]) {
    if (remaining <= TOLERANCE) break;
    if (!team.has(person) && team.size >= line.headcount) break;
    if (pinnedKeys.has(`${person}:${candidates.line}:${week}`)) continue; // already staffed as pinned
    const hours = Math.min(line.hoursPerWeek, free.get(person, week), remaining);
    team.add(person);
    free.take(person, week, hours);
    remaining -= hours;
    result.push({ person, line: candidates.line, week, hours });
  }
}

export function greedyStaffing(problem: PlanningProblem): StaffedHours[] {
  const free = new FreeHours(problem);
  const teams = problem.lines.map(() => new Set<number>());
  const pinnedPerLineWeek = new Map<number, number>();
  const pinnedKeys = new Set<string>();
  const result: StaffedHours[] = problem.pinned.map((pin) => ({ ...pin }));
  for (const pin of problem.pinned) {
    // Pinned hours stand as given: they use capacity, join the team and cover demand before anything else.
    free.take(pin.person, pin.week, pin.hours);
    teams[pin.line].add(pin.person);
    const key = pin.line * problem.weeks.length + pin.week;
    pinnedPerLineWeek.set(key, (pinnedPerLineWeek.get(key) ?? 0) + pin.hours);
    pinnedKeys.add(`${pin.person}:${pin.line}:${pin.week}`);
  }
  const ordered = candidatesByLine(problem)
    .map((candidates) => ({ candidates, value: lineExpectedValue(problem, candidates) }))
    .sort((a, b) => b.value - a.value || problem.lines[a.candidates.line].lineId.localeCompare(problem.lines[b.candidates.line].lineId));
  for (const { candidates } of ordered) {
    for (const week of problem.lines[candidates.line].weeks) {
      const already = pinnedPerLineWeek.get(candidates.line * problem.weeks.length + week) ?? 0;
      staffLineWeek(problem, candidates, week, teams[candidates.line], free, already, pinnedKeys, result);
    }
  }
  return result;
}
