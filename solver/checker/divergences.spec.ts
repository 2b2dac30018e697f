/**
 * Inputs on which the checker once disagreed with the solver path or crashed; each test breaks the
 * hand-made world of specWorld.ts in one way.
 */
import { describe, expect, it } from '@jest/globals';
import { buildCheckContext } from './context.js';
import { checkPlan } from './index.js';
import { moneyRules } from './money.js';
import { checkChurn } from './objectiveRules.js';
import { scenarioView } from './scenarioView.js';
import { T0, tinyPlan, tinyPlanWithUnmet, tinyScenario } from './specWorld.js';
import { checkUnmet } from './unmetRules.js';

describe('checker robustness', () => {
  it('reads an employee without skills as holding none instead of crashing', () => {
    const scenario = tinyScenario();
    scenario.employees!.push({ id: 'e3', name: 'Cy Twombly', location: 'US-NY', timeZone: 'America/New_York', costRate: 30, currency: 'USD', updatedAt: T0 } as never);
    const plan = tinyPlan();
    plan.available.push({ employeeId: 'e3', week: '2027-01-04', hours: 40 }, { employeeId: 'e3', week: '2027-01-11', hours: 40 });
    expect(checkPlan(scenario, plan)).toEqual({ ok: true, violations: [] });
  });

  it('never throws: an exception inside a rule becomes a violation naming the rule', () => {
    const plan = tinyPlan();
    delete (plan as Partial<typeof plan>).objective;
    const verdict = checkPlan(tinyScenario(), plan);
    expect(verdict.ok).toBe(false);
    expect(verdict.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^checker: rule checkCoverage could not check this plan \(TypeError: /)]));
  });
});

describe('checker rules aligned with the solver', () => {
  it('charges no churn against a previous plan without entries, whatever the per-hour price', () => {
    const plan = tinyPlan();
    plan.options.previousPlan = { assignments: [] };
    expect(plan.objective.churnPenaltyPerHour).toBe(0.5);
    expect(checkChurn(buildCheckContext(tinyScenario(), plan))).toEqual([]);
  });

  it('recomputes no-eligible-person: wrong when someone is eligible', () => {
    const plan = tinyPlanWithUnmet();
    plan.unmet[0]!.reason = 'no-eligible-person';
    expect(checkUnmet(buildCheckContext(tinyScenario(), plan))).toEqual([
      'unmet: o2#1 week 2027-01-11 says no-eligible-person but 2 people are eligible, e.g. Ada Lovelace (e1), Bo Diddley (e2)',
    ]);
  });

  it('recomputes no-eligible-person: required when nobody is eligible', () => {
    const scenario = tinyScenario();
    scenario.projectTypes![0]!.roles[0]!.minLevel = 5;
    expect(checkUnmet(buildCheckContext(scenario, tinyPlanWithUnmet()))).toEqual([
      'unmet: o2#1 week 2027-01-11 says not-worth-it but nobody is eligible for the line: expected no-eligible-person',
    ]);
  });

  it('reports an employee with an empty workingDays list, which the solver rejects', () => {
    const scenario = tinyScenario();
    scenario.employees![1]!.workingDays = [];
    expect(checkPlan(scenario, tinyPlan()).violations).toContain('scenario: employee Bo Diddley (e2) has no working day (workingDays is empty)');
  });

  it('reports a fractional line duration, which the solver rejects', () => {
    const scenario = tinyScenario();
    scenario.opportunities![0]!.roles![0]!.durationWeeks = 1.5;
    expect(checkPlan(scenario, tinyPlan()).violations).toContain('scenario: line r1 of opportunity o1 has durationWeeks 1.5, not a whole number ≥ 0');
  });

  it('reports a role line id used twice instead of keeping one of them silently', () => {
    const scenario = tinyScenario();
    scenario.opportunities![1]!.roles = [{ id: 'r1', skill: 'data-eng', minLevel: 2, hoursPerWeek: 10 }];
    expect(checkPlan(scenario, tinyPlan()).violations).toContain('scenario: role line id r1 is used twice (opportunities o1 and o2)');
  });

  it('compares minProbability exactly, with no tolerance', () => {
    const plan = tinyPlan();
    plan.options.minProbability = 0.5 + 1e-13;
    expect(checkPlan(tinyScenario(), plan).violations).toEqual(
      expect.arrayContaining([expect.stringContaining('lines: line o2#1 (opportunity o2) should not be planned')]),
    );
  });

  it('ignores a rate card whose level is not a whole number 1-5, also when guessing the base currency', () => {
    const scenario = tinyScenario();
    scenario.exchangeRates = [];
    scenario.rateCards!.push({ skill: 'data-eng', level: 0, billRate: 999, currency: 'EUR' });
    const money = moneyRules(scenarioView(scenario));
    expect(money.baseCurrency).toBe('USD');
    expect(money.billRate('data-eng', 1)).toBe(0);
  });

  it('requires the plan to name each opportunity that cannot be expanded in its warnings', () => {
    const scenario = tinyScenario();
    scenario.opportunities!.push({ id: 'o4', accountId: 'a1', name: 'No scope', stage: 'lead', probability: 0.4, closeDate: '2027-01-08', expectedStart: '2027-01-04', status: 'open', roles: [], updatedAt: T0 });
    expect(checkPlan(scenario, tinyPlan()).violations).toEqual([
      'warnings: opportunity o4 cannot be expanded (no roles and no project type) but the plan does not report it skipped',
    ]);
    const plan = tinyPlan();
    plan.warnings = ['opportunity o4 skipped: it has no roles and no project type'];
    expect(checkPlan(scenario, plan)).toEqual({ ok: true, violations: [] });
    expect(checkPlan(tinyScenario(), plan).violations).toEqual(['warnings: opportunity o4 is reported skipped but it can be expanded (or is lost or filtered out)']);
  });
});
