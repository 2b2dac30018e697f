import { describe, expect, it } from '@jest/globals';
import { ScenarioError } from '../errors.js';
import type { Scenario } from '../types.js';
import { crmHorizonEnd, DEFAULT_CRM_HORIZON_WEEKS, projectedDemandLines } from './projected.js';

const ts = '2026-01-01T00:00:00Z';

/** One DATA deal expected (10 leads × 0.5 × 0.2), 20 h/week for 20 weeks, starting 2027-01-04 (first Monday of January). */
const scenario: Scenario = {
  projectTypes: [{ code: 'DATA', name: 'Data platform', durationWeeks: 20, roles: [{ skill: 'python', minLevel: 3, hoursPerWeek: 20, headcount: 1, startOffsetWeeks: 0, durationWeeks: 20 }] }],
  leadForecasts: [{ id: 'L1', period: '2027-01', projectType: 'DATA', leads: 10, leadToOpportunityRate: 0.5, winRate: 0.2, lagWeeks: 0, updatedAt: ts }],
};
const horizon = { from: '2027-01-06', weeks: 26 }; // snapped to Monday 2027-01-04

describe('projected demand starts beyond the CRM horizon', () => {
  it('ends the CRM horizon one quarter (13 weeks) after the horizon\'s Monday by default', () => {
    expect(DEFAULT_CRM_HORIZON_WEEKS).toBe(13);
    expect(crmHorizonEnd(horizon)).toBe('2027-04-05');
    expect(crmHorizonEnd(horizon, 4)).toBe('2027-02-01');
  });

  it('a lead forecast starting inside the first 13 weeks contributes only its weeks after them', () => {
    const [line] = projectedDemandLines(scenario, horizon);
    // The deal runs 2027-01-04 … 2027-05-17 (20 weeks); weeks 14-20 (2027-04-05 on) are beyond the CRM horizon.
    expect(line.weeks).toEqual(['2027-04-05', '2027-04-12', '2027-04-19', '2027-04-26', '2027-05-03', '2027-05-10', '2027-05-17']);
    expect(line.weeks.every((week) => week >= crmHorizonEnd(horizon))).toBe(true);
  });

  it('drops a lead forecast that ends inside the CRM horizon entirely', () => {
    expect(projectedDemandLines(scenario, horizon, { crmHorizonWeeks: 20 })).toEqual([]);
  });

  it('counts every horizon week when crmHorizonWeeks is 0', () => {
    expect(projectedDemandLines(scenario, horizon, { crmHorizonWeeks: 0 })[0].weeks).toHaveLength(20);
  });

  it('rejects a CRM horizon that is not whole weeks ≥ 0', () => {
    expect(() => projectedDemandLines(scenario, horizon, { crmHorizonWeeks: -1 })).toThrow(ScenarioError);
    expect(() => projectedDemandLines(scenario, horizon, { crmHorizonWeeks: 1.5 })).toThrow(ScenarioError);
  });
});
