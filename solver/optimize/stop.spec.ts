import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { planStaffing } from '../index.js';
import type { PlanningProblem, ProblemSolution, Scenario } from '../types.js';
import { solveProblem } from './index.js';
import { randomProblem } from './random-problem.js';
import { planValue, planViolations } from './self-check.js';

const medium = (): PlanningProblem => randomProblem({ people: 200, lines: 100, weeks: 26, seed: 5 });

/** What every returned solution must be, stopped or not: feasible, with finite bounds above the plan. */
function expectHonest(problem: PlanningProblem, solution: ProblemSolution): void {
  expect(planViolations(problem, solution.hours)).toEqual([]);
  const objective = planValue(problem, solution.hours);
  expect(Number.isFinite(solution.bound.value)).toBe(true);
  expect(objective.value).toBeLessThanOrEqual(solution.bound.value + 1e-6 * Math.abs(solution.bound.value));
  expect(Number.isFinite(solution.bound.coverage)).toBe(true);
  expect(objective.coverage).toBeLessThanOrEqual((solution.bound.coverage ?? NaN) + 1e-6);
}

describe('a solve cut short still returns an honest plan', () => {
  it('a 0.2 s time limit on a medium problem gives status timedout, a feasible plan and finite bounds', async () => {
    const problem = medium();
    const solution = await solveProblem(problem, { timeLimitSeconds: 0.2 });
    expect(solution.status).toBe('timedout');
    expectHonest(problem, solution);
    expect(solution.hours.length).toBeGreaterThan(0);
  });

  it('shouldStop true from the start gives a feasible plan, finite bounds and stats.stopped', async () => {
    const problem = medium();
    const solution = await solveProblem(problem, { shouldStop: () => true });
    expectHonest(problem, solution);
    expect(solution.stats.stopped).toBe(true);
    expect(solution.status).not.toBe('optimal');
  });

  it('a stopped solve is bounded by the same kind of bound as a full one', async () => {
    const problem = randomProblem({ people: 40, lines: 20, weeks: 8, seed: 9 });
    const stopped = await solveProblem(problem, { shouldStop: () => true });
    expect(stopped.bound.kind).toMatch(/lagrangian-with-headcount/);
  });
});

/** The document without the fields that measure time (they differ run to run by design). */
function withoutTiming(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTiming);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'timeMs' && key !== 'phases');
  return Object.fromEntries(entries.map(([key, inner]) => [key, withoutTiming(inner)]));
}

/** The same scenario with every record list reversed and each employee's skills reversed. */
function reordered(scenario: Scenario): Scenario {
  const copy = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
  for (const [key, value] of Object.entries(copy)) if (Array.isArray(value)) copy[key] = value.slice().reverse();
  for (const employee of (copy.employees ?? []) as { skills?: unknown[] }[]) employee.skills?.reverse();
  return copy as unknown as Scenario;
}

describe('the plan depends on the scenario content only', () => {
  it('records given in another order give the same plan document (timing fields aside)', async () => {
    const scenario = JSON.parse(readFileSync(new URL('../../fixtures/northwind-consulting.json', import.meta.url), 'utf8')) as Scenario;
    const horizon = { from: '2027-01-04', weeks: 8 };
    const original = await planStaffing(scenario, horizon);
    const shuffled = await planStaffing(reordered(scenario), horizon);
    expect(shuffled.assignments.length).toBeGreaterThan(0);
    expect(withoutTiming(shuffled)).toEqual(withoutTiming(original));
  });
});
