import { describe, expect, it } from '@jest/globals';
import { buildCheckContext } from './context.js';
import { checkAvailable, checkHorizon, checkLines } from './planRules.js';
import { tinyPlan, tinyScenario } from './specWorld.js';

describe('checkHorizon', () => {
  it('names a horizon that does not start on a Monday', () => {
    expect(checkHorizon({ from: '2027-01-06', weeks: 2 })).toEqual(['horizon: from 2027-01-06 is not a Monday']);
    expect(checkHorizon({ from: '2027-01-04', weeks: 2 })).toEqual([]);
  });
});

describe('checkLines', () => {
  it('reports a missing line and a line that must not be planned (lost deal)', () => {
    const plan = tinyPlan();
    plan.lines = [plan.lines[1]!, { ...plan.lines[0]!, lineId: 'o3#1', opportunityId: 'o3' }];
    expect(checkLines(buildCheckContext(tinyScenario(), plan))).toEqual([
      'lines: line o3#1 (opportunity o3) should not be planned: unknown, lost, filtered out or without a week in the horizon',
      'lines: line o2#1 (opportunity o2, data-eng, weeks 2027-01-11..2027-01-11) is missing',
    ]);
  });

  it('reports wrong fields: probability of won work, weeks outside the horizon, headcount', () => {
    const plan = tinyPlan();
    plan.lines[1] = { ...plan.lines[1]!, probability: 0.3, weeks: ['2026-12-28', '2027-01-04', '2027-01-11'], headcount: 2 };
    expect(checkLines(buildCheckContext(tinyScenario(), plan))).toEqual([
      'lines: line r1: headcount is 2, expected 1',
      'lines: line r1: probability is 0.3, expected 1',
      'lines: line r1: weeks are [2026-12-28, 2027-01-04, 2027-01-11], expected [2027-01-04, 2027-01-11]',
    ]);
  });

  it('reports a line listed twice', () => {
    const plan = tinyPlan();
    plan.lines.push(plan.lines[0]!);
    expect(checkLines(buildCheckContext(tinyScenario(), plan))).toEqual(['lines: line o2#1 is listed more than once']);
  });

  it('honours the echoed minProbability filter', () => {
    const plan = tinyPlan();
    plan.options.minProbability = 0.6;
    expect(checkLines(buildCheckContext(tinyScenario(), plan))).toEqual([
      'lines: line o2#1 (opportunity o2) should not be planned: unknown, lost, filtered out or without a week in the horizon',
    ]);
  });
});

describe('checkAvailable', () => {
  it('reports wrong, missing, duplicated and foreign rows by name', () => {
    const plan = tinyPlan();
    const scenario = tinyScenario();
    scenario.timeOff = [{ id: 't', employeeId: 'e1', start: '2027-01-04', end: '2027-01-04', status: 'approved', updatedAt: '2026-12-01T00:00:00Z' }];
    plan.available = [plan.available[0]!, plan.available[2]!, plan.available[2]!, { employeeId: 'e2', week: '2027-01-18', hours: 40 }, plan.available[3]!];
    expect(checkAvailable(buildCheckContext(scenario, plan))).toEqual([
      'available: Ada Lovelace (e1) week 2027-01-04 has 40 h, expected 32 h',
      'available: Bo Diddley (e2) week 2027-01-04 is listed more than once',
      'available: week 2027-01-18 of Bo Diddley (e2) is not a horizon week',
      'available: Ada Lovelace (e1) week 2027-01-11 is missing',
    ]);
  });
});
