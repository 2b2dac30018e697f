import type { Scenario } from '../../solver/types.js';

/**
 * A small firm that uses every field of the data contract, optional ones included, in canonical form
 * (keys sorted, absent fields omitted) and sorted by key: loading it and reading it back must give it
 * back exactly.
 */
export function sampleScenario(): Scenario {
  return {
    accounts: [
      { employeeCount: 1200, id: 'acc-1', industry: 'Retail', name: 'Contoso', region: 'EMEA', segment: 'Enterprise', updatedAt: '2027-01-02T08:00:00Z' },
      { id: 'acc-2', name: 'Fabrikam', updatedAt: '2027-01-02T08:00:00+01:00' },
    ],
    assignments: [
      { billable: true, employeeId: 'emp-1', hoursPerWeek: 20, id: 'asg-1', projectId: 'prj-9', rollOffDate: '2027-02-26', start: '2026-11-02', updatedAt: '2027-01-03T10:00:00Z' },
      { billable: false, employeeId: 'emp-2', hoursPerWeek: 8.5, id: 'asg-2', projectId: 'internal', rollOffDate: '2027-03-31', start: '2027-01-04', updatedAt: '2027-01-03T10:00:00Z' },
    ],
    employees: [
      {
        costRate: 62.5, currency: 'EUR', email: 'ada@example.com', endDate: '2028-12-31', holidayCalendar: 'de-be', id: 'emp-1', level: 'Senior',
        location: 'berlin', name: 'Ada Lovelace',
        skills: [
          { certificationExpires: '2027-12-31', certified: true, level: 5, skill: 'sap' },
          { level: 3, skill: 'java' },
        ],
        startDate: '2020-01-01', timeZone: 'Europe/Berlin', title: 'Principal Consultant', updatedAt: '2027-01-01T09:00:00+01:00',
        utilizationTarget: 0.8, weeklyHours: 38.5, workingDays: [1, 2, 3, 4, 5],
      },
      {
        costRate: 70, currency: 'GBP', id: 'emp-2', level: 3, location: 'london', name: 'Alan Turing',
        skills: [{ certified: false, level: 4, skill: 'java' }],
        timeZone: 'Europe/London', updatedAt: '2027-01-01T09:00:00Z', workingDays: [1, 2, 3, 4],
      },
      { costRate: 55, currency: 'USD', id: 'emp-3', location: 'new-york', name: 'Grace Hopper', skills: [], timeZone: 'America/New_York', updatedAt: '2027-01-01T09:00:00-05:00' },
    ],
    exchangeRates: [
      { asOf: '2027-01-01', currency: 'EUR', rateToBase: 1 },
      { asOf: '2027-01-01', currency: 'GBP', rateToBase: 1.17 },
      { asOf: '2027-01-01', currency: 'USD', rateToBase: 0.92 },
    ],
    hiringPolicy: {
      contractorLeadTimeWeeks: 2, contractorRateMultiplier: 1.4, defaultLeadTimeWeeks: 10,
      leadTimes: [{ location: 'london', skill: 'sap', weeks: 14 }, { weeks: 8, skill: 'java' }],
      minEmployeeShare: 0.75, minFteGap: 0.5, minShortageWeeks: 4,
    },
    holidayCalendars: [
      { code: 'de-be', dates: [{ date: '2027-01-01', name: 'Neujahr' }, { date: '2027-03-08', name: 'Frauentag' }], name: 'Berlin' },
      { code: 'london', dates: [{ date: '2027-01-01', name: "New Year's Day" }], name: 'England' },
    ],
    leadForecasts: [
      { id: 'lf-1', lagWeeks: 6, leadToOpportunityRate: 0.3, leads: 40, period: '2027-04', projectType: 'sap-rollout', updatedAt: '2027-01-05T12:00:00Z', winRate: 0.25 },
    ],
    opportunities: [
      {
        accountId: 'acc-1', amount: 250000, closeDate: '2027-02-15', currency: 'EUR', durationWeeks: 12, expectedStart: '2027-03-01', id: 'opp-1',
        name: 'Contoso SAP rollout', probability: 0.6, projectType: 'sap-rollout', stage: 'proposal', status: 'open', territory: 'DACH',
        updatedAt: '2027-01-06T12:00:00Z',
      },
      {
        accountId: 'acc-2', closeDate: '2027-01-31', expectedStart: '2027-02-01', id: 'opp-2', name: 'Fabrikam Java squad', probability: 1,
        roles: [
          { headcount: 2, hoursPerWeek: 40, id: 'opp-2-dev', location: 'london', minLevel: 3, remoteAllowed: true, requiresCertification: false, skill: 'java', startOffsetWeeks: 1, durationWeeks: 8 },
          { durationWeeks: 6, hoursPerWeek: 16, id: 'opp-2-arch', minLevel: 4, requiresCertification: true, skill: 'sap' },
        ],
        stage: 'closed-won', status: 'won', updatedAt: '2027-01-06T12:00:00Z',
      },
      { accountId: 'acc-2', closeDate: '2027-03-31', expectedStart: '2027-05-03', id: 'opp-3', name: 'Lost deal', probability: 0.1, roles: [], stage: 'lost', status: 'lost', updatedAt: '2027-01-06T12:00:00Z' },
    ],
    projectTypes: [
      {
        code: 'sap-rollout', durationWeeks: 10, name: 'SAP rollout',
        roles: [
          { headcount: 1, hoursPerWeek: 40, minLevel: 4, skill: 'sap', startOffsetWeeks: 0 },
          { durationWeeks: 6, headcount: 2, hoursPerWeek: 20, minLevel: 2, skill: 'java', startOffsetWeeks: 2 },
        ],
      },
    ],
    rateCards: [
      { billRate: 120, currency: 'EUR', level: 3, skill: 'java' },
      { billRate: 150, currency: 'GBP', level: 4, skill: 'java' },
      { billRate: 180.5, currency: 'EUR', level: 5, skill: 'sap' },
    ],
    skills: [
      { adjacent: ['kotlin'], code: 'java', name: 'Java' },
      { code: 'kotlin', name: 'Kotlin' },
      { adjacent: ['java'], code: 'sap', name: 'SAP S/4HANA' },
    ],
    timeOff: [
      { employeeId: 'emp-1', end: '2027-03-05', id: 'pto-1', start: '2027-03-01', status: 'approved', updatedAt: '2027-01-04T07:00:00Z' },
      { employeeId: 'emp-2', end: '2027-04-02', hoursPerDay: 4, id: 'pto-2', start: '2027-04-01', status: 'requested', updatedAt: '2027-01-04T07:00:00Z' },
    ],
  };
}
