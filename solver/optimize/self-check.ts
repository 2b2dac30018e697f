/**
 * The optimizer's own last look at its answer before returning it, straight from the PlanningProblem
 * (not from the compiled Instance): every plan rule, and the objective recomputed as DESIGN.md §1
 * defines it. The plan checker checks again independently; this one keeps a solver bug from leaving.
 */
import type { PlanningProblem } from '../types.js';

const TOLERANCE = 1e-6;

export interface StaffedHours {
  person: number;
  line: number;
  week: number;
  hours: number;
}

export interface PlanValue {
  value: number;
  coverage: number;
  expectedMargin: number;
  unmetPenalty: number;
  fragmentationPenalty: number;
  churnPenalty: number;
  pairsUsed: number;
  unmetExpectedHours: number;
}

/** A numeric key per (person, line, week): string keys cost seconds at a million entries. */
function cellKey(problem: PlanningProblem, entry: { person: number; line: number; week: number }): number {
  return (entry.person * problem.lines.length + entry.line) * problem.weeks.length + entry.week;
}

function pairKey(problem: PlanningProblem, entry: { person: number; line: number }): number {
  return entry.person * problem.lines.length + entry.line;
}

function describeCell(problem: PlanningProblem, key: number): string {
  const week = key % problem.weeks.length;
  const pair = Math.floor(key / problem.weeks.length);
  return `person ${Math.floor(pair / problem.lines.length)} line ${pair % problem.lines.length} week ${week}`;
}

function sumByKey<T>(entries: T[], key: (entry: T) => number, hours: (entry: T) => number): Map<number, number> {
  const sums = new Map<number, number>();
  for (const entry of entries) sums.set(key(entry), (sums.get(key(entry)) ?? 0) + hours(entry));
  return sums;
}

/** Every rule of DESIGN.md §1 a plan must keep; returns the violations (empty = valid). */
export function planViolations(problem: PlanningProblem, hours: StaffedHours[]): string[] {
  const violations: string[] = [];
  const eligible = new Set(problem.pairs.map((pair) => pairKey(problem, pair)));
  const pinned = sumByKey(problem.pinned, (pin) => cellKey(problem, pin), (pin) => pin.hours);
  const planned = sumByKey(hours, (entry) => cellKey(problem, entry), (entry) => entry.hours);
  const perPersonWeek = sumByKey(hours, (entry) => entry.person * problem.weeks.length + entry.week, (entry) => entry.hours);
  const people = new Map<number, Set<number>>();
  for (const entry of hours) {
    const line = problem.lines[entry.line];
    if (!(entry.hours >= 0) || !Number.isFinite(entry.hours)) violations.push(`hours ${entry.hours} at ${describeCell(problem, cellKey(problem, entry))}`);
    if (!line || !line.weeks.includes(entry.week)) violations.push(`week ${entry.week} is not a week of line ${entry.line}`);
    const isPinned = pinned.has(cellKey(problem, entry));
    if (!isPinned && !eligible.has(pairKey(problem, entry))) violations.push(`person ${entry.person} is not eligible for line ${entry.line}`);
    if (entry.hours > 0) people.set(entry.line, (people.get(entry.line) ?? new Set()).add(entry.person));
  }
  for (const [key, total] of planned) {
    const line = problem.lines[Math.floor(key / problem.weeks.length) % problem.lines.length];
    if (line && total > line.hoursPerWeek + TOLERANCE && !pinned.has(key)) violations.push(`${describeCell(problem, key)}: ${total} h exceeds hoursPerWeek ${line.hoursPerWeek}`);
  }
  for (const [key, total] of perPersonWeek) {
    const person = Math.floor(key / problem.weeks.length);
    const week = key % problem.weeks.length;
    const available = problem.people[person]?.available[week] ?? 0;
    if (total > available + TOLERANCE) violations.push(`person ${person} week ${week}: ${total} h exceeds available ${available}`);
  }
  for (const [line, members] of people) {
    if (members.size > problem.lines[line].headcount) violations.push(`line ${line}: ${members.size} people exceed headcount ${problem.lines[line].headcount}`);
  }
  for (const [key, total] of pinned) {
    if (Math.abs((planned.get(key) ?? 0) - total) > TOLERANCE) violations.push(`pinned ${describeCell(problem, key)} = ${total} h, planned ${planned.get(key) ?? 0} h`);
  }
  return violations;
}

/**
 * value = expectedMargin − unmetPenalty − fragmentationPenalty − churnPenalty, as DESIGN.md §1 defines it: the one
 * solver-side scorer (the optimizer's self-check, the plan document and the benchmarks use it; the independent
 * checker keeps its own).
 */
export function planValue(problem: PlanningProblem, hours: StaffedHours[]): PlanValue {
  const margin = new Map(problem.pairs.map((pair) => [pairKey(problem, pair), pair.marginPerHour]));
  const staffedByLineWeek = sumByKey(hours, (entry) => entry.line * problem.weeks.length + entry.week, (entry) => entry.hours);
  let coverage = 0;
  let expectedMargin = 0;
  const pairsUsed = new Set<number>();
  for (const entry of hours) {
    const probability = problem.lines[entry.line].probability;
    coverage += probability * entry.hours;
    expectedMargin += probability * (margin.get(pairKey(problem, entry)) ?? 0) * entry.hours;
    if (entry.hours > 0) pairsUsed.add(pairKey(problem, entry));
  }
  let unmetExpected = 0;
  problem.lines.forEach((line, l) => {
    const demand = line.hoursPerWeek * line.headcount;
    for (const week of new Set(line.weeks)) {
      unmetExpected += line.probability * Math.max(0, demand - (staffedByLineWeek.get(l * problem.weeks.length + week) ?? 0));
    }
  });
  const previous = sumByKey(problem.previous, (entry) => cellKey(problem, entry), (entry) => entry.hours);
  const planned = sumByKey(hours, (entry) => cellKey(problem, entry), (entry) => entry.hours);
  let churnHours = 0;
  for (const key of new Set([...previous.keys(), ...planned.keys()])) churnHours += Math.abs((planned.get(key) ?? 0) - (previous.get(key) ?? 0));
  const unmetPenalty = problem.unmetPenaltyPerHour * unmetExpected;
  const fragmentationPenalty = problem.fragmentationPenaltyPerPair * pairsUsed.size;
  const churnPenalty = problem.previous.length > 0 ? problem.churnPenaltyPerHour * churnHours : 0;
  return {
    value: expectedMargin - unmetPenalty - fragmentationPenalty - churnPenalty,
    coverage,
    expectedMargin,
    unmetPenalty,
    fragmentationPenalty,
    churnPenalty,
    pairsUsed: pairsUsed.size,
    unmetExpectedHours: unmetExpected,
  };
}
