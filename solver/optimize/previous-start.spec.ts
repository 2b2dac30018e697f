import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { planStaffing } from '../plan/index.js';
import type { PlanningProblem, Scenario } from '../types.js';
import { solveProblem } from './index.js';
import { compileInstance } from './instance.js';
import { previousTeams } from './previous-start.js';
import { randomProblem } from './random-problem.js';
import { planValue, planViolations, StaffedHours } from './self-check.js';

const small = (seed: number): PlanningProblem => randomProblem({ people: 20, lines: 10, weeks: 6, seed });

function byCell(hours: StaffedHours[]): StaffedHours[] {
  return hours.map((h) => ({ ...h })).sort((a, b) => a.line - b.line || a.person - b.person || a.week - b.week);
}

/** The same people and lines with every margin moved a little: last week's plan stays feasible. */
function withShiftedMargins(problem: PlanningProblem): PlanningProblem {
  const pairs = problem.pairs.map((pair, i) => {
    const marginPerHour = pair.marginPerHour + 15 * ((i % 5) - 2);
    return { ...pair, marginPerHour, billRate: pair.billRate + marginPerHour - pair.marginPerHour };
  });
  return { ...problem, pairs };
}

/** The plan that the previous-plan start guarantees, read straight off its teams. */
function madeFeasible(problem: PlanningProblem): StaffedHours[] {
  const inst = compileInstance(problem);
  const start = previousTeams(inst)!;
  const hours: StaffedHours[] = problem.pinned.map((pin) => ({ ...pin }));
  start.teams.allocate((e, week, amount) => hours.push({ person: inst.pairPerson[e], line: inst.pairLine[e], week, hours: amount }));
  return hours;
}

describe('a plan fed back as its own previous plan', () => {
  it.each([3, 7])('comes back hour for hour with zero churn (seeded random problem %i)', async (seed) => {
    const base = small(seed);
    const first = await solveProblem(base);
    const problem: PlanningProblem = { ...base, previous: first.hours, churnPenaltyPerHour: base.fragmentationPenaltyPerPair / 10 };
    const second = await solveProblem(problem);
    expect(planViolations(problem, second.hours)).toEqual([]);
    expect(planValue(problem, second.hours).value).toBeGreaterThanOrEqual(planValue(problem, first.hours).value - 1e-9 * Math.abs(second.bound.value));
    expect(planValue(problem, second.hours).churnPenalty).toBe(0);
    expect(byCell(second.hours)).toEqual(byCell(first.hours));
    expect(planValue(problem, second.hours).value).toBeLessThanOrEqual(second.bound.value + 1e-9 * Math.abs(second.bound.value));
  });
});

describe('never below the previous plan', () => {
  it.each([2, 3, 7])('scores at least last week\'s plan after the margins moved (seed %i)', async (seed) => {
    const lastWeek = small(seed);
    const previous = (await solveProblem(lastWeek)).hours;
    const problem: PlanningProblem = { ...withShiftedMargins(lastWeek), previous, churnPenaltyPerHour: lastWeek.fragmentationPenaltyPerPair / 10 };
    expect(planViolations(problem, previous)).toEqual([]);
    const solution = await solveProblem(problem);
    expect(planViolations(problem, solution.hours)).toEqual([]);
    const value = planValue(problem, solution.hours).value;
    expect(value).toBeGreaterThanOrEqual(planValue(problem, previous).value - 1e-9 * Math.abs(value));
    expect(value).toBeLessThanOrEqual(solution.bound.value + 1e-9 * Math.abs(value));
  });

  it('scores at least the previous plan made feasible when it no longer fits capacity or headcount', async () => {
    const base = small(3);
    const previous = (await solveProblem(base)).hours;
    // Half the people lose half their hours and every line loses a seat: the old plan breaks both rules.
    const people = base.people.map((person, p) => (p % 2 === 0 ? { ...person, available: person.available.map((h) => h / 2) } : person));
    const lines = base.lines.map((line) => ({ ...line, headcount: Math.max(1, line.headcount - 1) }));
    const problem: PlanningProblem = { ...base, people, lines, previous, churnPenaltyPerHour: base.fragmentationPenaltyPerPair / 10 };
    expect(planViolations(problem, previous).length).toBeGreaterThan(0);
    const feasible = madeFeasible(problem);
    expect(planViolations(problem, feasible)).toEqual([]);
    const solution = await solveProblem(problem);
    const value = planValue(problem, solution.hours).value;
    expect(value).toBeGreaterThanOrEqual(planValue(problem, feasible).value - 1e-9 * Math.abs(value));
    expect((solution.stats.previousStart as { feasibleValue: number }).feasibleValue).toBeCloseTo(planValue(problem, feasible).value, 3);
  });
});

describe('the previous plan made feasible', () => {
  it('seats pinned people first, then the most previous hours, and trims hours to the free hours', () => {
    const base = randomProblem({ people: 4, lines: 1, weeks: 2, skills: 1, locations: 1, seed: 5 });
    const line = { ...base.lines[0], headcount: 2, hoursPerWeek: 30, weeks: [0, 1] };
    const people = base.people.map((person) => ({ ...person, available: [40, 10] }));
    const pairs = people.map((_, person) => ({ person, line: 0, level: 3, billRate: 150, marginPerHour: 50 }));
    const previous = [
      { person: 0, line: 0, week: 0, hours: 30 },
      { person: 0, line: 0, week: 1, hours: 30 },
      { person: 1, line: 0, week: 0, hours: 30 },
      { person: 2, line: 0, week: 0, hours: 10 },
    ];
    const pinned = [{ person: 3, line: 0, week: 0, hours: 5 }];
    const problem: PlanningProblem = { ...base, people, lines: [line], pairs, previous, pinned, churnPenaltyPerHour: 5, fragmentationPenaltyPerPair: 1 };
    const hours = byCell(madeFeasible(problem));
    // Person 3 is pinned (a seat), person 0 has the most previous hours (the other seat); person 0's
    // 30 h of week 1 are trimmed to the 10 h free; persons 1 and 2 are over headcount. Person 3's free
    // 10 h of week 1 are new hours worth more than their churn, so they are taken.
    expect(hours).toEqual([
      { person: 0, line: 0, week: 0, hours: 30 },
      { person: 0, line: 0, week: 1, hours: 10 },
      { person: 3, line: 0, week: 0, hours: 5 },
      { person: 3, line: 0, week: 1, hours: 10 },
    ]);
  });
});

describe('planStaffing with its own plan as the previous plan', () => {
  it('returns identical assignments with zero churn on the tiny fixture', async () => {
    const scenario: Scenario = JSON.parse(readFileSync(new URL('../../fixtures/tiny.json', import.meta.url), 'utf8'));
    const horizon = { from: '2027-01-04', weeks: 6 };
    const first = await planStaffing(scenario, horizon);
    expect(first.assignments.length).toBeGreaterThan(0);
    const second = await planStaffing(scenario, horizon, { previousPlan: { assignments: first.assignments } });
    expect(second.assignments).toEqual(first.assignments);
    expect(second.objective.churnPenalty).toBe(0);
    expect(second.objective.churnPenaltyPerHour).toBeGreaterThan(0);
    expect(second.check?.ok).toBe(true);
  });
});
