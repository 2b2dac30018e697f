/**
 * Contender-neutral view of a staffing answer on a PlanningProblem: the objective of DESIGN.md §1
 * recomputed from the hours alone, and every plan rule verified on the problem's numbers. Every
 * contender (staffplan and each baseline) is scored by these same functions.
 */
import { planValue } from '../solver/optimize/self-check.js';
import type { PlanningProblem } from '../solver/types.js';

export interface StaffedHours {
  person: number;
  line: number;
  week: number;
  hours: number;
}

export interface StaffingScore {
  value: number;
  coverage: number;
  expectedMargin: number;
  unmetExpectedHours: number;
  unmetPenalty: number;
  fragmentationPenalty: number;
  churnPenalty: number;
  pairsUsed: number;
  staffedHours: number;
  /** Σ probability × weekly demand over all line-weeks: the coverage no plan can exceed. */
  expectedDemand: number;
}

export const TOLERANCE = 1e-6;

/** Index of each eligible pair by (line, person); pairs are sorted by (line, person) in the problem. */
export function pairIndex(problem: PlanningProblem): Map<number, number> {
  const index = new Map<number, number>();
  const people = problem.people.length;
  problem.pairs.forEach((pair, position) => index.set(pair.line * people + pair.person, position));
  return index;
}

export function weeklyDemand(problem: PlanningProblem, line: number): number {
  const spec = problem.lines[line];
  return spec.hoursPerWeek * spec.headcount;
}

export function expectedDemand(problem: PlanningProblem): number {
  return problem.lines.reduce((sum, line, index) => sum + line.probability * weeklyDemand(problem, index) * line.weeks.length, 0);
}

/** The objective of DESIGN.md §1 for these hours (base currency), from the solver's one scorer. */
export function scoreStaffing(problem: PlanningProblem, hours: StaffedHours[]): StaffingScore {
  const staffed = hours.filter((entry) => entry.hours > TOLERANCE);
  return {
    ...planValue(problem, staffed),
    staffedHours: staffed.reduce((sum, entry) => sum + entry.hours, 0),
    expectedDemand: expectedDemand(problem),
  };
}

function checkEntries(problem: PlanningProblem, hours: StaffedHours[], note: (text: string) => void): void {
  const pairs = pairIndex(problem);
  const people = problem.people.length;
  const seen = new Set<string>();
  for (const entry of hours) {
    const line = problem.lines[entry.line];
    const person = problem.people[entry.person];
    const where = `${person?.employeeId ?? `#${entry.person}`} on ${line?.lineId ?? `#${entry.line}`} week ${problem.weeks[entry.week] ?? entry.week}`;
    if (!line || !person) { note(`unknown person or line: ${where}`); continue; }
    if (!(entry.hours >= -TOLERANCE) || !Number.isFinite(entry.hours)) note(`invalid hours ${entry.hours}: ${where}`);
    if (entry.hours > line.hoursPerWeek + TOLERANCE) note(`${entry.hours} h exceeds the line's ${line.hoursPerWeek} h/week: ${where}`);
    if (!line.weeks.includes(entry.week)) note(`hours outside the line's weeks: ${where}`);
    if (!pairs.has(entry.line * people + entry.person)) note(`person not eligible: ${where}`);
    const key = `${entry.person}:${entry.line}:${entry.week}`;
    if (seen.has(key)) note(`duplicate entry: ${where}`);
    seen.add(key);
  }
}

function checkCapacity(problem: PlanningProblem, hours: StaffedHours[], note: (text: string) => void): void {
  const load = new Map<number, number>();
  for (const entry of hours) {
    const key = entry.person * problem.weeks.length + entry.week;
    load.set(key, (load.get(key) ?? 0) + entry.hours);
  }
  for (const [key, assigned] of load) {
    const person = Math.floor(key / problem.weeks.length);
    const week = key % problem.weeks.length;
    const available = problem.people[person]?.available[week] ?? 0;
    if (assigned > available + TOLERANCE) note(`${problem.people[person]?.employeeId} week ${problem.weeks[week]}: ${assigned} h assigned, ${available} h available`);
  }
}

function checkHeadcount(problem: PlanningProblem, hours: StaffedHours[], note: (text: string) => void): void {
  const team = new Map<number, Set<number>>();
  for (const entry of hours) {
    if (entry.hours <= TOLERANCE) continue;
    if (!team.has(entry.line)) team.set(entry.line, new Set());
    team.get(entry.line)!.add(entry.person);
  }
  for (const [line, members] of team) {
    const spec = problem.lines[line];
    if (spec && members.size > spec.headcount) note(`${spec.lineId}: ${members.size} people, headcount ${spec.headcount}`);
  }
}

function checkPinned(problem: PlanningProblem, hours: StaffedHours[], note: (text: string) => void): void {
  const given = new Map(hours.map((entry) => [`${entry.person}:${entry.line}:${entry.week}`, entry.hours]));
  for (const pin of problem.pinned) {
    const actual = given.get(`${pin.person}:${pin.line}:${pin.week}`) ?? 0;
    if (Math.abs(actual - pin.hours) > TOLERANCE) note(`pinned ${pin.hours} h of person #${pin.person} on line #${pin.line} week #${pin.week} became ${actual} h`);
  }
}

/** Every plan rule of DESIGN.md §1 on the problem's numbers; returns the violations (first 20). */
export function verifyStaffing(problem: PlanningProblem, hours: StaffedHours[]): { ok: boolean; violations: string[]; count: number } {
  const violations: string[] = [];
  let count = 0;
  const note = (text: string) => {
    count++;
    if (violations.length < 20) violations.push(text);
  };
  checkEntries(problem, hours, note);
  checkCapacity(problem, hours, note);
  checkHeadcount(problem, hours, note);
  checkPinned(problem, hours, note);
  return { ok: count === 0, violations, count };
}
