import { describe, expect, it } from '@jest/globals';
import { checkPlan } from './index.js';
import { tinyPlan, tinyPlanWithUnmet, tinyScenario } from './specWorld.js';

describe('checkPlan', () => {
  it('accepts a hand-made plan that keeps every rule', () => {
    expect(checkPlan(tinyScenario(), tinyPlan())).toEqual({ ok: true, violations: [] });
  });

  it('accepts a plan that leaves a line-week unmet when it reports it with its penalty', () => {
    expect(checkPlan(tinyScenario(), tinyPlanWithUnmet())).toEqual({ ok: true, violations: [] });
  });

  it('reports every broken rule at once, not only the first', () => {
    const plan = tinyPlan();
    plan.assignments[0]!.hours = 25; // over r1's 20 h per week, and the objective no longer adds up
    plan.available[3]!.hours = 39;
    const { ok, violations } = checkPlan(tinyScenario(), plan);
    expect(ok).toBe(false);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringContaining('line-week cap: Ada Lovelace (e1) has 25 h on r1 in week 2027-01-04'),
        expect.stringContaining('available: Bo Diddley (e2) week 2027-01-11 has 39 h, expected 40 h'),
        expect.stringContaining('objective: coverage is 45, recomputed 50'),
      ]),
    );
  });

  it('stops at an unreadable horizon instead of inventing weeks', () => {
    const plan = tinyPlan();
    plan.horizon = { from: '2027-13-01', weeks: 0 };
    expect(checkPlan(tinyScenario(), plan).violations).toEqual([
      'horizon: from "2027-13-01" is not an ISO date',
      'horizon: weeks 0 is not a positive whole number',
    ]);
  });

  it('reports a scenario whose dates cannot be read instead of throwing', () => {
    const scenario = tinyScenario();
    scenario.opportunities![0]!.expectedStart = '2027-1-4';
    const result = checkPlan(scenario, tinyPlan());
    expect(result.ok).toBe(false);
    expect(result.violations).toEqual([expect.stringContaining('scenario: not an ISO date: "2027-1-4"')]);
  });
});
