import { describe, expect, it } from '@jest/globals';
import { buildCheckContext } from './context.js';
import { checkBoundAndGap, checkChurn, checkCoverage, checkFragmentation, checkMoney, checkObjectiveValue, checkUnmetPenalty } from './objectiveRules.js';
import { tinyPlan, tinyPlanWithUnmet, tinyScenario } from './specWorld.js';

const ctxOf = (plan = tinyPlan(), scenario = tinyScenario()) => buildCheckContext(scenario, plan);

describe('objective rules', () => {
  it('checkCoverage: recomputes Σ probability × hours and keeps the coverage bounds above it', () => {
    const plan = tinyPlan();
    plan.objective.coverage = 50;
    plan.objective.maxCoverage = 44;
    expect(checkCoverage(ctxOf(plan))).toEqual([
      'objective: coverage is 50, recomputed 45',
      'objective: objective.maxCoverage 44 is below the plan\'s coverage 50',
    ]);
  });

  it('checkMoney: recomputes the margin from rate cards in another currency and the unmet price', () => {
    const scenario = tinyScenario();
    scenario.exchangeRates!.push({ currency: 'EUR', rateToBase: 1.2, asOf: '2026-12-01' });
    scenario.rateCards = [{ skill: 'data-eng', level: 2, billRate: 100, currency: 'EUR' }];
    // Bill 120 USD at every level from 2 up: 1 × (120 − 50) × 40 + 0.5 × (120 − 40) × 10 = 3200; U = 100 × 80.
    expect(checkMoney(ctxOf(tinyPlan(), scenario))).toEqual([
      'objective: expectedMargin is 4300, recomputed 3200',
      'objective: unmetPenaltyPerHour is 10000, recomputed 8000',
    ]);
  });

  it('checkMoney: reports a wrong base currency and money that cannot be converted', () => {
    const plan = tinyPlan();
    plan.baseCurrency = 'EUR';
    expect(checkMoney(ctxOf(plan))).toEqual(['objective: baseCurrency is "EUR", expected USD']);
    const scenario = tinyScenario();
    scenario.employees![0]!.currency = 'CHF';
    expect(checkMoney(ctxOf(tinyPlan(), scenario))).toEqual(['money: no exchange rate for CHF']);
  });

  it('checkUnmetPenalty: U × Σ unmet expected hours', () => {
    const plan = tinyPlanWithUnmet();
    expect(checkUnmetPenalty(ctxOf(plan))).toEqual([]);
    plan.objective.unmetPenalty = 100000;
    expect(checkUnmetPenalty(ctxOf(plan))).toEqual(['objective: unmetPenalty is 100000, recomputed 50000']);
  });

  it('checkFragmentation: per-pair price × (person, line) pairs used', () => {
    const plan = tinyPlan();
    plan.objective.fragmentationPenalty = 3;
    expect(checkFragmentation(ctxOf(plan))).toEqual(['objective: fragmentationPenalty is 3, recomputed 2']);
  });

  it('checkChurn: zero without a previous plan, per hour × hours moved with one', () => {
    const plan = tinyPlan();
    plan.objective.churnPenalty = 1;
    expect(checkChurn(ctxOf(plan))).toEqual(['objective: churnPenalty (no previous plan entry) is 1, recomputed 0']);
    plan.options.previousPlan = { assignments: [{ employeeId: 'e1', lineId: 'r1', week: '2027-01-04', hours: 16 }, { employeeId: 'e2', lineId: 'r1', week: '2027-01-11', hours: 4 }] };
    // |20 − 16| + |20 − 0| + |10 − 0| + |0 − 4| = 38 hours moved at 0.5 per hour.
    expect(checkChurn(ctxOf(plan))).toEqual(['objective: churnPenalty is 1, recomputed 19']);
  });

  it('checkObjectiveValue: value = margin − unmet − fragmentation − churn', () => {
    const plan = tinyPlan();
    plan.objective.value = 4300;
    expect(checkObjectiveValue(ctxOf(plan))).toEqual(['objective: value (margin − unmet − fragmentation − churn) is 4300, recomputed 4298']);
  });

  it('checkBoundAndGap: the bound stays above the value and the gap follows from both', () => {
    const plan = tinyPlan();
    plan.bound.value = 4000;
    plan.gap = 0;
    expect(checkBoundAndGap(ctxOf(plan))).toEqual(['bound: 4000 is below the objective value 4298', 'gap: 0, recomputed -0.0745']);
    plan.bound.value = 0;
    plan.objective.value = 0;
    expect(checkBoundAndGap(ctxOf(plan))).toEqual([]);
  });
});
