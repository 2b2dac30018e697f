import { describe, expect, it } from '@jest/globals';
import type { PlanningProblem } from '../types.js';
import { bruteForceOptimum } from './brute-force.js';
import { solveProblem } from './index.js';
import { randomProblem } from './random-problem.js';
import { planValue, planViolations } from './self-check.js';

const tiny = (seed: number, people = 3, lines = 3): PlanningProblem => randomProblem({ people, lines, weeks: 3, skills: 2, locations: 1, seed });
const small = (seed: number): PlanningProblem => randomProblem({ people: 12, lines: 6, weeks: 6, skills: 3, locations: 2, seed });

function relativeClose(a: number, b: number, tolerance = 1e-6): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('solveProblem is exact on tiny problems', () => {
  it.each([1, 2, 3, 4, 5, 6])('matches brute force over every team choice (seed %i)', async (seed) => {
    const problem = tiny(seed);
    const oracle = await bruteForceOptimum(problem);
    const solution = await solveProblem(problem);
    const value = planValue(problem, solution.hours).value;
    expect(relativeClose(value, oracle.value)).toBe(true);
    expect(solution.status).toBe('optimal');
  });

  it('matches brute force with a previous plan (churn) and a pin', async () => {
    const base = tiny(11, 4, 2);
    const first = await solveProblem(base);
    const previous = first.hours.map((h) => ({ ...h, hours: h.hours / 2 }));
    const pinned = first.hours.slice(0, 1);
    const problem: PlanningProblem = { ...base, previous, pinned };
    const oracle = await bruteForceOptimum(problem);
    const solution = await solveProblem(problem);
    expect(planViolations(problem, solution.hours)).toEqual([]);
    expect(relativeClose(planValue(problem, solution.hours).value, oracle.value)).toBe(true);
  });
});

describe('every plan is feasible and below its bound', () => {
  it.each([21, 22, 23, 24, 25])('seeded random problem %i', async (seed) => {
    const problem = small(seed);
    const solution = await solveProblem(problem);
    expect(planViolations(problem, solution.hours)).toEqual([]);
    const objective = planValue(problem, solution.hours);
    expect(objective.value).toBeLessThanOrEqual(solution.bound.value + 1e-6 * Math.abs(solution.bound.value));
    expect(objective.coverage).toBeLessThanOrEqual((solution.bound.coverage ?? Infinity) + 1e-6);
    expect(solution.bound.kind).toMatch(/mip-dual-bound|lagrangian-with-headcount/);
  });

  it('keeps a medium problem feasible and reports a finite bound from the Lagrangian', async () => {
    const problem = randomProblem({ people: 60, lines: 30, weeks: 8, seed: 7 });
    const solution = await solveProblem(problem);
    expect(planViolations(problem, solution.hours)).toEqual([]);
    expect(Number.isFinite(solution.bound.value)).toBe(true);
    expect(planValue(problem, solution.hours).value).toBeLessThanOrEqual(solution.bound.value + 1e-6);
  });
});

describe('metamorphic relations of the exact solve', () => {
  it('more available hours never lower the objective', async () => {
    for (const seed of [31, 32, 33]) {
      const problem = tiny(seed, 4, 2);
      const richer: PlanningProblem = { ...problem, people: problem.people.map((p) => ({ ...p, available: p.available.map((h) => h + 8) })) };
      const before = planValue(problem, (await solveProblem(problem)).hours).value;
      const after = planValue(richer, (await solveProblem(richer)).hours).value;
      expect(after).toBeGreaterThanOrEqual(before - 1e-6 * Math.abs(before));
    }
  });

  it('a person eligible for nothing changes nothing', async () => {
    const problem = small(41);
    const extra: PlanningProblem = {
      ...problem,
      people: [...problem.people, { employeeId: 'E-extra', name: 'Extra', location: 'LOC0', costRate: 1, available: problem.weeks.map(() => 40) }],
    };
    const a = await solveProblem(problem);
    const b = await solveProblem(extra);
    expect(b.hours).toEqual(a.hours);
  });

  it('pinning the optimal plan keeps it optimal', async () => {
    const problem = tiny(51, 4, 3);
    const optimal = await solveProblem(problem);
    const pinned: PlanningProblem = { ...problem, pinned: optimal.hours.map((h) => ({ ...h })) };
    const again = await solveProblem(pinned);
    expect(planViolations(pinned, again.hours)).toEqual([]);
    expect(relativeClose(planValue(pinned, again.hours).value, planValue(problem, optimal.hours).value)).toBe(true);
  });
});

describe('backends, determinism and progress', () => {
  it('HiGHS and javascript-lp-solver reach the same objective on small models', async () => {
    for (const seed of [61, 62, 63]) {
      const problem = tiny(seed);
      const highs = await solveProblem(problem, { backend: 'highs' });
      const jslp = await solveProblem(problem, { backend: 'jslp' });
      expect(relativeClose(planValue(problem, jslp.hours).value, planValue(problem, highs.hours).value)).toBe(true);
      expect(jslp.backend).toBe('jslp');
    }
  });

  it('the same input gives the same hours', async () => {
    const problem = randomProblem({ people: 30, lines: 12, weeks: 8, seed: 71 });
    const a = await solveProblem(problem);
    const b = await solveProblem(problem);
    expect(b.hours).toEqual(a.hours);
    expect(b.bound).toEqual(a.bound);
  });

  it('reports phases with a percent that never decreases and ends at 100', async () => {
    const seen: number[] = [];
    await solveProblem(small(81), { onProgress: (p) => seen.push(p.percent) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((percent, i) => i === 0 || percent >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(100);
  });

  it('stops on request with a complete feasible plan', async () => {
    const problem = randomProblem({ people: 60, lines: 30, weeks: 8, seed: 91 });
    let calls = 0;
    const solution = await solveProblem(problem, { shouldStop: () => ++calls > 3 });
    expect(planViolations(problem, solution.hours)).toEqual([]);
    expect(solution.stats.stopped).toBe(true);
    expect(Number.isFinite(solution.bound.value)).toBe(true);
  });

  it('a time limit that hits gives status timedout and still a feasible plan', async () => {
    const problem = randomProblem({ people: 60, lines: 30, weeks: 8, seed: 92 });
    const solution = await solveProblem(problem, { timeLimitSeconds: 0 });
    expect(solution.status).toBe('timedout');
    expect(planViolations(problem, solution.hours)).toEqual([]);
  });
});
