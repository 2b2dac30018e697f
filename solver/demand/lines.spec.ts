import { describe, expect, it } from '@jest/globals';
import type { Opportunity, Scenario } from '../types.js';
import { demandLines, expandOpportunity, expectedHours, passesFilters, weeklyDemandHours, winProbability } from './lines.js';
import { expectedDeals, projectedDemandLines, projectedStart } from './projected.js';

const ts = '2026-06-01T00:00:00Z';

const projectTypes: Scenario['projectTypes'] = [
  {
    code: 'DATA',
    name: 'Data platform',
    durationWeeks: 6,
    roles: [
      { skill: 'data-engineering', minLevel: 3, hoursPerWeek: 40, headcount: 2 },
      { skill: 'architecture', minLevel: 4, hoursPerWeek: 16, headcount: 1, startOffsetWeeks: 1, durationWeeks: 2 },
    ],
  },
];

function opportunity(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    id: 'O1',
    accountId: 'A1',
    name: 'Lakehouse',
    stage: 'proposal',
    probability: 0.6,
    closeDate: '2027-02-15',
    expectedStart: '2027-03-03',
    projectType: 'DATA',
    status: 'open',
    updatedAt: ts,
    ...overrides,
  };
}

describe('expandOpportunity', () => {
  it('names project-type lines <opportunityId>#<n> in role order and dates them from the week of their start', () => {
    const lines = expandOpportunity(opportunity(), { projectTypes });
    expect(lines.map((l) => l.lineId)).toEqual(['O1#1', 'O1#2']);
    expect(lines[0]).toMatchObject({ skill: 'data-engineering', headcount: 2, start: '2027-03-03', probability: 0.6 });
    expect(lines[0].weeks).toEqual(['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29', '2027-04-05']);
    expect(lines[1]).toMatchObject({ start: '2027-03-10', weeks: ['2027-03-08', '2027-03-15'] });
  });

  it('lets explicit roles replace the project type’s, with defaults and the opportunity’s duration', () => {
    const lines = expandOpportunity(
      opportunity({ durationWeeks: 3, roles: [{ id: 'R9', skill: 'ux', minLevel: 2, hoursPerWeek: 20 }] }),
      { projectTypes },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ lineId: 'R9', headcount: 1, remoteAllowed: false, requiresCertification: false, start: '2027-03-03' });
    expect(lines[0].weeks).toEqual(['2027-03-01', '2027-03-08', '2027-03-15']);
  });

  it('prefers the opportunity’s duration over the project type’s for project-type roles without one', () => {
    const lines = expandOpportunity(opportunity({ durationWeeks: 3 }), { projectTypes });
    expect(lines[0].weeks).toHaveLength(3); // role has none: the opportunity's 3, not the type's 6
    expect(lines[1].weeks).toHaveLength(2); // the role's own 2
  });

  it('takes the project type’s duration when neither role nor opportunity gives one', () => {
    const lines = expandOpportunity(opportunity({ roles: [{ id: 'R1', skill: 'ux', minLevel: 2, hoursPerWeek: 20 }] }), { projectTypes });
    expect(lines[0].weeks).toHaveLength(6);
  });

  it('treats won work as certain and ignores lost work', () => {
    expect(winProbability({ status: 'won', probability: 0.2 })).toBe(1);
    expect(winProbability({ status: 'lost', probability: 0.9 })).toBeNull();
    expect(winProbability({ status: 'open', probability: 0.35 })).toBe(0.35);
    expect(expandOpportunity(opportunity({ status: 'lost' }), { projectTypes })).toEqual([]);
  });

  it('rejects an opportunity with neither roles nor a known project type', () => {
    expect(() => expandOpportunity(opportunity({ projectType: 'NOPE' }), { projectTypes })).toThrow(/opportunities\[O1\]\.projectType/);
  });
});

describe('demand hours', () => {
  it('demands hoursPerWeek × headcount per week and weights it by probability', () => {
    expect(weeklyDemandHours({ hoursPerWeek: 40, headcount: 2 })).toBe(80);
    expect(expectedHours(80, 0.6)).toBeCloseTo(48, 9);
  });
});

describe('filters', () => {
  it('keeps lines with probability ≥ minProbability', () => {
    expect(passesFilters(opportunity(), 0.6, { minProbability: 0.6 })).toBe(true);
    expect(passesFilters(opportunity(), 0.6, { minProbability: 0.61 })).toBe(false);
  });

  it('reads an empty opportunityIds list as no filter, like an absent one', () => {
    expect(passesFilters(opportunity(), 0.6, { opportunityIds: [] })).toBe(true);
  });

  it('keeps only the listed opportunities', () => {
    expect(passesFilters(opportunity(), 0.6, { opportunityIds: ['O2'] })).toBe(false);
    expect(passesFilters(opportunity(), 0.6, { opportunityIds: ['O1'] })).toBe(true);
  });

  it('keeps open deals closing before the date and won work whatever its close date', () => {
    expect(passesFilters(opportunity(), 0.6, { closingBefore: '2027-02-15' })).toBe(false);
    expect(passesFilters(opportunity(), 0.6, { closingBefore: '2027-02-16' })).toBe(true);
    expect(passesFilters(opportunity({ status: 'won' }), 1, { closingBefore: '2027-01-01' })).toBe(true);
  });
});

describe('demandLines', () => {
  const scenario: Scenario = {
    projectTypes,
    opportunities: [
      opportunity(),
      opportunity({ id: 'O0', status: 'lost' }),
      opportunity({ id: 'O2', probability: 0.3, expectedStart: '2028-01-03' }),
      opportunity({ id: 'O1', probability: 0.1, updatedAt: '2026-01-01T00:00:00Z' }), // older duplicate
    ],
  };

  it('lists non-lost lines with a week in the horizon, clipped to the horizon, sorted by lineId', () => {
    const lines = demandLines(scenario, { from: '2027-03-10', weeks: 2 });
    expect(lines.map((l) => [l.lineId, l.weeks, l.probability])).toEqual([
      ['O1#1', ['2027-03-08', '2027-03-15'], 0.6],
      ['O1#2', ['2027-03-08', '2027-03-15'], 0.6],
    ]);
  });

  it('drops lines whose weeks all fall outside the horizon', () => {
    expect(demandLines(scenario, { from: '2027-05-03', weeks: 4 })).toEqual([]);
  });
});

describe('projected demand from lead forecasts', () => {
  const scenario: Scenario = {
    projectTypes,
    leadForecasts: [
      { id: 'L1', period: '2027-09', projectType: 'DATA', leads: 50, leadToOpportunityRate: 0.2, winRate: 0.25, lagWeeks: 2, updatedAt: ts },
    ],
  };

  it('expects leads × conversion × win-rate deals', () => {
    expect(expectedDeals(scenario.leadForecasts![0])).toBeCloseTo(2.5, 9);
  });

  it('starts lagWeeks after the first Monday of the period', () => {
    expect(projectedStart(scenario.leadForecasts![0])).toBe('2027-09-20'); // first Monday 2027-09-06 + 2 weeks
    const lines = projectedDemandLines(scenario, { from: '2027-09-06', weeks: 26 }, { crmHorizonWeeks: 0 });
    expect(lines[0].weeks[0]).toBe('2027-09-20');
  });

  it('names lines mas:<id>#<n> and scales headcount by the expected deals at probability 1', () => {
    const lines = projectedDemandLines(scenario, { from: '2027-09-06', weeks: 26 }, { crmHorizonWeeks: 0 });
    expect(lines.map((l) => l.lineId)).toEqual(['mas:L1#1', 'mas:L1#2']);
    expect(lines[0].probability).toBe(1);
    expect(lines[0].headcount).toBeCloseTo(5, 9); // 2 per deal × 2.5 deals
    expect(lines[1].weeks).toEqual(['2027-09-27', '2027-10-04']);
  });

  it('never enters the CRM demand a staffing plan works on', () => {
    expect(demandLines(scenario, { from: '2027-09-06', weeks: 26 })).toEqual([]);
  });
});
