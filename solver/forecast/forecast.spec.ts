import { describe, expect, it } from '@jest/globals';
import type { Employee, Opportunity, Scenario } from '../types.js';
import { capacityForecast, monthlyRollUp } from './index.js';
import { primarySkill } from './network.js';

const ts = '2026-01-01T00:00:00Z';

function person(id: string, skills: Employee['skills'], location = 'UK'): Employee {
  return { id, name: id, location, timeZone: 'Europe/London', costRate: 50, currency: 'GBP', skills, updatedAt: ts };
}

function deal(id: string, skill: string, hoursPerWeek: number, probability: number, location?: string): Opportunity {
  return {
    id, accountId: 'A', name: id, stage: 's', probability, closeDate: '2027-02-01', expectedStart: '2027-03-01', status: 'open', updatedAt: ts,
    roles: [{ id: `${id}-r`, skill, minLevel: 2, hoursPerWeek, durationWeeks: 2, ...(location ? { location } : {}) }],
  };
}

const horizon = { from: '2027-03-01', weeks: 2 };

describe('capacityForecast', () => {
  it('counts a two-skill person once, splitting their hours between the skills', async () => {
    const scenario: Scenario = {
      employees: [person('ann', [{ skill: 'java', level: 3 }, { skill: 'sql', level: 3 }])],
      opportunities: [deal('O1', 'java', 30, 1, 'UK'), deal('O2', 'sql', 30, 1, 'UK')],
    };
    const forecast = await capacityForecast(scenario, horizon, { backend: 'jslp' });
    const week = forecast.rows.filter((r) => r.week === '2027-03-01');
    const total = week.reduce((sum, r) => sum + r.capacityHours, 0);
    expect(total).toBeCloseTo(40, 6);
    expect(week.reduce((sum, r) => sum + r.coverableHours, 0)).toBeCloseTo(40, 6);
    expect(week.map((r) => r.supplyHours)).toEqual([40, 40]); // supply is per skill, not split
    expect(forecast.check?.ok).toBe(true);
  });

  it('never covers more than the expected demand and reports gap = expected − coverable', async () => {
    const scenario: Scenario = {
      employees: [person('ann', [{ skill: 'java', level: 3 }]), person('bob', [{ skill: 'java', level: 1 }])],
      opportunities: [deal('O1', 'java', 40, 0.5, 'UK'), deal('O2', 'java', 60, 1, 'UK')],
    };
    const forecast = await capacityForecast(scenario, horizon, { backend: 'jslp' });
    const [row] = forecast.rows;
    expect(row).toMatchObject({ skill: 'java', location: 'UK', week: '2027-03-01', demandHours: 100, expectedDemandHours: 80 });
    expect(row.coverableHours).toBeCloseTo(40, 6); // bob is below minLevel 2
    expect(row.coverableHours).toBeLessThanOrEqual(row.expectedDemandHours);
    expect(row.gapHours).toBeCloseTo(row.expectedDemandHours - row.coverableHours, 9);
    expect(row.capacityHours).toBeCloseTo(80, 6); // bob's spare hours count under his primary skill
  });

  it('keeps on-site demand to people of that location and counts covered location-free demand where its people are', async () => {
    const scenario: Scenario = {
      employees: [person('ann', [{ skill: 'java', level: 3 }], 'DE')],
      opportunities: [deal('O1', 'java', 20, 1, 'UK'), deal('O2', 'java', 10, 1)],
    };
    const forecast = await capacityForecast(scenario, horizon, { backend: 'jslp' });
    const week = forecast.rows.filter((r) => r.week === '2027-03-01');
    // O2 names no location and Ann in DE covers it: its 10 h are DE's demand, not a `*` row's.
    expect(week.map((r) => [r.location, r.demandHours, r.coverableHours, r.capacityHours, r.gapHours])).toEqual([
      ['DE', 10, 10, 40, 0],
      ['UK', 20, 0, 0, 20],
    ]);
    expect(forecast.check?.ok).toBe(true);
  });

  it('leaves only the uncovered part of location-free demand unplaced (*), with every total unchanged', async () => {
    // Ann (DE, 40 h); O1 20 h on-site UK (nobody there), O2 100 h anywhere at p 0.5 (expected 50).
    const scenario: Scenario = {
      employees: [person('ann', [{ skill: 'java', level: 3 }], 'DE')],
      opportunities: [deal('O1', 'java', 20, 1, 'UK'), deal('O2', 'java', 100, 0.5)],
    };
    const forecast = await capacityForecast(scenario, horizon, { backend: 'jslp' });
    const week = forecast.rows.filter((r) => r.week === '2027-03-01');
    // Ann covers 40 of O2's 50 expected h (80 raw h at 100/50): DE; the other 10 (20 raw) nobody can: `*`.
    expect(week.map((r) => [r.location, r.demandHours, r.expectedDemandHours, r.coverableHours, r.capacityHours, r.gapHours])).toEqual([
      ['*', 20, 10, 0, 0, 10],
      ['DE', 80, 40, 40, 40, 0],
      ['UK', 20, 20, 0, 0, 20],
    ]);
    for (const row of week) if (row.location !== '*') expect(row.coverableHours).toBeLessThanOrEqual(row.capacityHours + 1e-6);
    const sum = (field: 'demandHours' | 'expectedDemandHours' | 'coverableHours') => week.reduce((total, r) => total + r[field], 0);
    expect([sum('demandHours'), sum('expectedDemandHours'), sum('coverableHours')]).toEqual([120, 70, 40]);
    expect(forecast.check?.ok).toBe(true);
  });

  it('adds MAS projected demand only when asked, and only beyond the CRM horizon', async () => {
    const scenario: Scenario = {
      employees: [person('ann', [{ skill: 'java', level: 3 }])],
      projectTypes: [{ code: 'APP', name: 'App', durationWeeks: 4, roles: [{ skill: 'java', minLevel: 2, hoursPerWeek: 10, headcount: 1 }] }],
      leadForecasts: [{ id: 'L1', period: '2027-03', projectType: 'APP', leads: 10, leadToOpportunityRate: 0.5, winRate: 0.4, lagWeeks: 0, updatedAt: ts }],
    };
    const without = await capacityForecast(scenario, horizon, { backend: 'jslp' });
    const insideCrm = await capacityForecast(scenario, horizon, { backend: 'jslp', includeLeadForecasts: true });
    const withLeads = await capacityForecast(scenario, horizon, { backend: 'jslp', includeLeadForecasts: true, crmHorizonWeeks: 0 });
    expect(without.rows.reduce((s, r) => s + r.demandHours, 0)).toBe(0);
    // The deals start 2027-03-01, inside the default 13-week CRM horizon: the pipeline already holds them.
    expect(insideCrm.options.crmHorizonWeeks).toBe(13);
    expect(insideCrm.rows.reduce((s, r) => s + r.demandHours, 0)).toBe(0);
    // Ann (UK) covers them: 2 deals × 10 h in UK's row.
    expect(withLeads.rows.find((r) => r.week === '2027-03-01' && r.location === 'UK')).toMatchObject({ expectedDemandHours: 20, coverableHours: 20 });
  });

  it('rolls weeks up into the month of their Monday', () => {
    const base = { skill: 's', location: 'L', capacityHours: 10, demandHours: 4, expectedDemandHours: 2, coverableHours: 1, gapHours: 1, committedHours: 0, supplyHours: 10 };
    const months = monthlyRollUp([{ ...base, week: '2027-03-22' }, { ...base, week: '2027-03-29' }, { ...base, week: '2027-04-05' }]);
    expect(months.map((m) => [m.week, m.capacityHours, m.gapHours])).toEqual([['2027-03-01', 20, 2], ['2027-04-01', 10, 1]]);
  });

  it('counts spare hours under the highest-level skill, the first listed on a tie', () => {
    expect(primarySkill(person('a', [{ skill: 'x', level: 2 }, { skill: 'y', level: 4 }]))).toBe('y');
    expect(primarySkill(person('a', [{ skill: 'x', level: 3 }, { skill: 'y', level: 3 }]))).toBe('x');
  });
});
