/**
 * CI smoke test of the benchmark (issue 7): the S scenario is generated, staffplan plans it through the
 * full pipeline and the independent checker accepts the plan; the greedy baseline's plan respects every
 * rule and passes the checker too. No timing is asserted.
 */
import { describe, expect, it } from '@jest/globals';
import { greedyStaffing } from '../benchmarks/baselines/greedy.js';
import { generateScenario } from '../benchmarks/generate.js';
import { benchmarkHorizon, SIZES } from '../benchmarks/sizes.js';
import { scoreStaffing, verifyStaffing } from '../benchmarks/staffing.js';
import { checkPlan } from '../solver/checker/index.js';
import { planStaffing } from '../solver/index.js';
import { assemblePlan } from '../solver/plan/assemble.js';
import { buildProblem } from '../solver/problem.js';

const size = SIZES.S;
const horizon = benchmarkHorizon(size);

describe('benchmark smoke test (size S)', () => {
  it('generates the same S scenario for the same seed, with exactly 50 people and 25 planned lines', () => {
    const first = generateScenario(size, 1);
    expect(JSON.stringify(generateScenario(size, 1))).toBe(JSON.stringify(first));
    const { problem } = buildProblem(first, horizon, {});
    expect(problem.people).toHaveLength(50);
    expect(problem.lines).toHaveLength(25);
    expect(problem.weeks).toHaveLength(12);
  });

  it('staffplan plans the S scenario and the independent checker accepts the plan', async () => {
    const scenario = generateScenario(size, 1);
    const plan = await planStaffing(scenario, horizon, {});
    const verdict = checkPlan(scenario, plan);
    expect(verdict.violations).toEqual([]);
    expect(plan.objective.coverage).toBeGreaterThan(0);
  });

  it("greedy's plan respects every rule on the problem and passes the checker as a document", () => {
    const scenario = generateScenario(size, 1);
    const { problem, context } = buildProblem(scenario, horizon, {});
    const hours = greedyStaffing(problem);
    expect(verifyStaffing(problem, hours).violations).toEqual([]);
    const score = scoreStaffing(problem, hours);
    expect(score.coverage).toBeGreaterThan(0);
    // Any value above the plan's own is a valid bound for the document; the checker verifies the rest.
    const bound = { value: score.value + Math.abs(score.value), kind: 'test' };
    const plan = assemblePlan(problem, context, { hours, status: 'feasible', backend: 'greedy', algorithm: 'greedy', bound, stats: {} }, { solveMs: 0, phases: [] });
    expect(checkPlan(scenario, plan).violations).toEqual([]);
  });
});
