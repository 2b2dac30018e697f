import { describe, expect, it } from '@jest/globals';
import type { Opportunity, Scenario } from '../types.js';
import { hiringForecast, hiringSignalsCsv } from './index.js';

const wonDeal = (id: string, skill: string, expectedStart: string, durationWeeks: number): Opportunity => ({
  id, accountId: 'a', name: id, stage: 'won', probability: 1, closeDate: '2026-12-01', expectedStart, status: 'won', updatedAt: '2026-12-01T00:00:00Z',
  roles: [{ id: `${id}-r`, skill, minLevel: 3, hoursPerWeek: 40, durationWeeks }],
});

/** One Java developer in New York (100 USD/h); hires take 6 weeks, contractors 1 week at 1.5×. */
function firm(opportunities: Opportunity[], skills: Scenario['skills'] = []): Scenario {
  return {
    employees: [{ id: 'e1', name: 'Ada', location: 'US-NY', timeZone: 'America/New_York', costRate: 100, currency: 'USD', skills: [{ skill: 'java', level: 4 }], updatedAt: '2026-12-01T00:00:00Z' }],
    opportunities,
    skills,
    hiringPolicy: { defaultLeadTimeWeeks: 6, leadTimes: [], contractorRateMultiplier: 1.5, contractorLeadTimeWeeks: 1, minFteGap: 0.5, minShortageWeeks: 3 },
  };
}

const horizon = { from: '2027-01-04', weeks: 20 };

describe('hiring forecast (hand-computed)', () => {
  it('contracts, not hires, a shortage that ends before a hire could arrive', async () => {
    // SAP 40 h/week in weeks 1-4; a hire needs 6 weeks, a contractor 1.
    const forecast = await hiringForecast(firm([wonDeal('short', 'sap', '2027-01-11', 4)]), horizon);
    expect(forecast.signals.map((s) => [s.action, s.skill, s.fte, s.neededBy, s.shortageWeeks])).toEqual([['contract', 'sap', 1, '2027-01-04', 4]]);
    expect(forecast.signals[0].lines).toEqual(['short-r']);
    expect(forecast.signals[0].confidence).toBe(1);
  });

  it('hires for a persistent shortage, needed by the first short week minus the lead time', async () => {
    // React 40 h/week in weeks 8-19: a hire (100 × 40 × 12 = 48,000) beats a contractor (150 × 480 = 72,000).
    const forecast = await hiringForecast(firm([wonDeal('long', 'react', '2027-03-01', 12)]), horizon);
    expect(forecast.signals).toHaveLength(1);
    const [signal] = forecast.signals;
    expect([signal.action, signal.skill, signal.location, signal.fte]).toEqual(['hire', 'react', 'US-NY', 1]);
    expect(signal.firstShortWeek).toBe('2027-03-01');
    expect(signal.neededBy).toBe('2027-01-18'); // 2027-03-01 − 6 weeks
    expect(signal.expectedUtilization).toBe(1);
    expect(signal.cost).toBe(48000);
  });

  it('emits no signal for a shortage shorter than minShortageWeeks, and ranks in-demand skills', async () => {
    const forecast = await hiringForecast(firm([wonDeal('blip', 'sap', '2027-01-11', 2), wonDeal('long', 'react', '2027-03-01', 12)]), horizon);
    expect(forecast.signals.map((s) => s.skill)).toEqual(['react']);
    expect(forecast.belowThreshold.map((b) => [b.action, b.skill, b.shortageWeeks])).toEqual([['contract', 'sap', 2]]);
    expect(forecast.inDemandSkills.map((s) => [s.skill, s.shortageHours, s.rankByShortage])).toEqual([['react', 480, 1], ['sap', 80, 2]]);
  });

  it('reskills a person with spare hours in an adjacent skill when that is cheapest', async () => {
    // Kotlin 20 h/week in weeks 5-16 (240 h): Ada (java 4, idle) can learn kotlin (adjacent to java) at level 3 in
    // 4 weeks for 80 h × 100 = 8,000 — less than a contractor (36,000) or a half-time hire.
    const deal = wonDeal('k', 'kotlin', '2027-02-08', 12);
    deal.roles![0].hoursPerWeek = 20;
    const forecast = await hiringForecast(firm([deal], [{ code: 'java', name: 'Java', adjacent: ['kotlin'] }]), horizon);
    expect(forecast.signals.map((s) => [s.action, s.skill, s.location, s.people, s.fromSkills])).toEqual([['reskill', 'kotlin', 'US-NY', 0.5, ['java']]]);
    expect(forecast.signals[0].neededBy).toBe('2027-01-11'); // 2027-02-08 − 4 weeks
  });

  it('places a contract signal for location-free demand where the skill\'s holders are, never *', async () => {
    // SAP 40 h/week in weeks 1-4 (no location): Ada is busy on java, but the holders of sap are in DE-BE (two) and US-NY (one).
    const scenario = firm([wonDeal('short', 'sap', '2027-01-11', 4), wonDeal('busy', 'java', '2027-01-04', 20)]);
    const sapHolder = (id: string, location: string) => ({ id, name: id, location, timeZone: 'UTC', costRate: 100, currency: 'USD', skills: [{ skill: 'sap', level: 1 }], updatedAt: '2026-12-01T00:00:00Z' });
    scenario.employees = [...scenario.employees!, sapHolder('s1', 'US-NY'), sapHolder('s2', 'DE-BE'), sapHolder('s3', 'DE-BE')];
    const forecast = await hiringForecast(scenario, horizon);
    expect(forecast.signals.map((s) => [s.action, s.skill, s.location])).toEqual([['contract', 'sap', 'DE-BE']]);
    expect(forecast.inDemandSkills.find((s) => s.skill === 'sap')?.locations).toEqual(['DE-BE']);
  });

  it('places location-free demand nobody holds where the policy hires fastest (alphabetical on a tie)', async () => {
    const scenario = firm([wonDeal('short', 'sap', '2027-01-11', 4)]);
    scenario.hiringPolicy = { ...scenario.hiringPolicy!, leadTimes: [{ location: 'PL-WAW', weeks: 3 }, { location: 'AT-VIE', weeks: 3 }] };
    const forecast = await hiringForecast(scenario, horizon);
    expect(forecast.signals.map((s) => [s.action, s.location])).toEqual([['contract', 'AT-VIE']]);
  });

  it('counts MAS lead forecasts only beyond the 13-week CRM horizon and echoes it', async () => {
    // A DATA deal is expected from 2027-01-04 for 20 weeks (40 h/week of sap nobody holds): only weeks 14-20 count.
    const scenario = firm([]);
    scenario.projectTypes = [{ code: 'DATA', name: 'Data', durationWeeks: 20, roles: [{ skill: 'sap', minLevel: 1, hoursPerWeek: 40, headcount: 1 }] }];
    scenario.leadForecasts = [{ id: 'L1', period: '2027-01', projectType: 'DATA', leads: 10, leadToOpportunityRate: 0.5, winRate: 0.2, lagWeeks: 0, updatedAt: '2026-12-01T00:00:00Z' }];
    const forecast = await hiringForecast(scenario, horizon);
    expect(forecast.options.crmHorizonWeeks).toBe(13);
    expect(forecast.totals.shortageHours).toBe(7 * 40);
    const everyWeek = await hiringForecast(scenario, horizon, { crmHorizonWeeks: 0 });
    expect(everyWeek.totals.shortageHours).toBe(20 * 40);
  });

  it('exports the signals as CSV with one row per signal', async () => {
    const forecast = await hiringForecast(firm([wonDeal('long', 'react', '2027-03-01', 12)]), horizon);
    const rows = hiringSignalsCsv(forecast).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^skill,location,action,fte,/);
    expect(rows[1]).toMatch(/^react,US-NY,hire,1,,2027-01-18,6,2027-03-01,/);
  });
});
