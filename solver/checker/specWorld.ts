/**
 * A hand-made two-person world and a valid plan for it, built by hand (no solver), for the checker's
 * specs. Each spec takes a fresh copy and breaks one rule.
 *
 * Horizon 2027-01-04 for 2 weeks. Ada (data-eng 4, certified) and Bo (data-eng 2) in US-NY, 40 h/week.
 * r1: won deal o1, data-eng ≥3, 20 h/week × 2 weeks. o2#1: open deal o2 (p 0.5) from project type
 * pt-data, data-eng ≥2, 10 h/week from 2027-01-11. o3 is lost. Plan: Ada 20 h on r1 both weeks, Bo
 * 10 h on o2#1 in week 2. Margin: 1 × (150 − 50) × 40 + 0.5 × (100 − 40) × 10 = 4300.
 */
import type { Scenario, StaffingPlan } from '../types.js';

export const T0 = '2026-12-01T00:00:00Z';

export function tinyScenario(): Scenario {
  return {
    employees: [
      {
        id: 'e1', name: 'Ada Lovelace', location: 'US-NY', timeZone: 'America/New_York', costRate: 50, currency: 'USD',
        skills: [{ skill: 'data-eng', level: 4, certified: true, certificationExpires: '2027-06-30' }], updatedAt: T0,
      },
      { id: 'e2', name: 'Bo Diddley', location: 'US-NY', timeZone: 'America/New_York', costRate: 40, currency: 'USD', skills: [{ skill: 'data-eng', level: 2 }], updatedAt: T0 },
    ],
    holidayCalendars: [{ code: 'US-NY', name: 'New York', dates: [{ date: '2027-01-01', name: "New Year's Day" }] }],
    opportunities: [
      {
        id: 'o1', accountId: 'a1', name: 'Lakehouse', stage: 'closed-won', probability: 0.3, closeDate: '2026-12-15', expectedStart: '2027-01-04', status: 'won',
        roles: [{ id: 'r1', skill: 'data-eng', minLevel: 3, hoursPerWeek: 20, headcount: 1, durationWeeks: 2 }], updatedAt: T0,
      },
      { id: 'o2', accountId: 'a1', name: 'Pipelines', stage: 'proposal', probability: 0.5, closeDate: '2027-01-08', expectedStart: '2027-01-11', projectType: 'pt-data', status: 'open', updatedAt: T0 },
      { id: 'o3', accountId: 'a1', name: 'Lost one', stage: 'closed-lost', probability: 0.9, closeDate: '2026-12-01', expectedStart: '2027-01-04', projectType: 'pt-data', status: 'lost', updatedAt: T0 },
    ],
    projectTypes: [{ code: 'pt-data', name: 'Data pipelines', durationWeeks: 4, roles: [{ skill: 'data-eng', minLevel: 2, hoursPerWeek: 10, headcount: 1 }] }],
    rateCards: [
      { skill: 'data-eng', level: 2, billRate: 100, currency: 'USD' },
      { skill: 'data-eng', level: 4, billRate: 150, currency: 'USD' },
    ],
    exchangeRates: [{ currency: 'USD', rateToBase: 1, asOf: '2026-12-01' }],
  };
}

export function tinyPlan(): StaffingPlan {
  return {
    horizon: { from: '2027-01-04', weeks: 2 },
    options: { minProbability: 0, countRequestedPto: false, pinned: [], previousPlan: null },
    baseCurrency: 'USD',
    lines: [
      { lineId: 'o2#1', opportunityId: 'o2', skill: 'data-eng', minLevel: 2, hoursPerWeek: 10, headcount: 1, weeks: ['2027-01-11'], probability: 0.5, start: '2027-01-11', remoteAllowed: false, requiresCertification: false },
      { lineId: 'r1', opportunityId: 'o1', skill: 'data-eng', minLevel: 3, hoursPerWeek: 20, headcount: 1, weeks: ['2027-01-04', '2027-01-11'], probability: 1, start: '2027-01-04', remoteAllowed: false, requiresCertification: false },
    ],
    available: [
      { employeeId: 'e1', week: '2027-01-04', hours: 40 },
      { employeeId: 'e1', week: '2027-01-11', hours: 40 },
      { employeeId: 'e2', week: '2027-01-04', hours: 40 },
      { employeeId: 'e2', week: '2027-01-11', hours: 40 },
    ],
    assignments: [
      { employeeId: 'e1', lineId: 'r1', week: '2027-01-04', hours: 20 },
      { employeeId: 'e1', lineId: 'r1', week: '2027-01-11', hours: 20 },
      { employeeId: 'e2', lineId: 'o2#1', week: '2027-01-11', hours: 10 },
    ],
    unmet: [],
    utilization: [],
    explanations: [],
    objective: {
      value: 4298, coverage: 45, expectedMargin: 4300, unmetPenalty: 0, fragmentationPenalty: 2, churnPenalty: 0,
      unmetPenaltyPerHour: 10000, fragmentationPenaltyPerPair: 1, churnPenaltyPerHour: 0.5,
    },
    bound: { value: 4300, kind: 'lp-relaxation' },
    gap: 2 / 4300,
    solver: { backend: 'hand', status: 'optimal', timeMs: 0 },
  };
}

/** Removes Bo's row: o2#1 in 2027-01-11 is then 10 h unmet (5 expected), and the objective follows. */
export function tinyPlanWithUnmet(): StaffingPlan {
  const plan = tinyPlan();
  plan.assignments = plan.assignments.filter((row) => row.employeeId !== 'e2');
  plan.unmet = [{ lineId: 'o2#1', week: '2027-01-11', hours: 10, expectedHours: 5, reason: 'not-worth-it', detail: 'Bo Diddley (e2) was left free on purpose' }];
  plan.objective = { ...plan.objective, coverage: 40, expectedMargin: 4000, unmetPenalty: 50000, fragmentationPenalty: 1, value: 4000 - 50000 - 1 };
  plan.bound = { value: 4300, kind: 'lp-relaxation' };
  plan.gap = (4300 - plan.objective.value) / 4300;
  return plan;
}
