import { describe, expect, it } from '@jest/globals';
import { buildCheckContext } from './context.js';
import { tinyPlanWithUnmet, tinyScenario } from './specWorld.js';
import { checkUnmet } from './unmetRules.js';

describe('checkUnmet', () => {
  it('requires an unmet row for a short line-week and none for a fully staffed one', () => {
    const plan = tinyPlanWithUnmet();
    plan.unmet = [{ lineId: 'r1', week: '2027-01-04', hours: 1, expectedHours: 1, reason: 'eligible-people-busy', detail: 'x' }];
    expect(checkUnmet(buildCheckContext(tinyScenario(), plan))).toEqual([
      'unmet: r1 week 2027-01-04 is listed with 1 h but the line-week is fully staffed',
      'unmet: o2#1 week 2027-01-11 misses 10 h but has no unmet row',
    ]);
  });

  it('checks raw hours, probability-weighted hours, the fixed reason list and a detail', () => {
    const plan = tinyPlanWithUnmet();
    plan.unmet = [{ lineId: 'o2#1', week: '2027-01-11', hours: 8, expectedHours: 8, reason: 'too-expensive' as never, detail: ' ' }];
    expect(checkUnmet(buildCheckContext(tinyScenario(), plan))).toEqual([
      'unmet: o2#1 week 2027-01-11 has 8 h, expected 10 h',
      'unmet: o2#1 week 2027-01-11 has expectedHours 8, expected 4 (probability 0.5)',
      'unmet: o2#1 week 2027-01-11 has reason "too-expensive", not one of no-eligible-person, eligible-people-busy, headcount-reached, not-worth-it',
      'unmet: o2#1 week 2027-01-11 has no detail',
    ]);
  });

  it('reports rows repeated or outside the planned line-weeks', () => {
    const plan = tinyPlanWithUnmet();
    plan.unmet.push(plan.unmet[0]!, { ...plan.unmet[0]!, week: '2027-01-04' });
    expect(checkUnmet(buildCheckContext(tinyScenario(), plan))).toEqual([
      'unmet: o2#1 week 2027-01-11 is listed more than once',
      'unmet: o2#1 week 2027-01-04 is not a week of a planned line',
    ]);
  });
});
