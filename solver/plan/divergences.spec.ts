/**
 * The solver path and the independent checker agree on inputs where they once diverged: every plan
 * below is built by planStaffing, which throws PlanCheckError when the checker disagrees.
 */
import { describe, expect, it } from '@jest/globals';
import type { Employee, Opportunity, Scenario } from '../types.js';
import { planStaffing } from './index.js';

const ts = '2026-01-01T00:00:00Z';
const horizon = { from: '2027-03-01', weeks: 2 };

function person(id: string, skills: Employee['skills'], overrides: Partial<Employee> = {}): Employee {
  return { id, name: id.toUpperCase(), location: 'UK', timeZone: 'Europe/London', costRate: 50, currency: 'GBP', skills, updatedAt: ts, ...overrides };
}

function deal(id: string, roles: Opportunity['roles'], overrides: Partial<Opportunity> = {}): Opportunity {
  return { id, accountId: 'A', name: id, stage: 's', probability: 0.5, closeDate: '2027-02-01', expectedStart: '2027-03-01', durationWeeks: 2, status: 'open', updatedAt: ts, roles, ...overrides };
}

function scenario(extra: Partial<Scenario> = {}): Scenario {
  return {
    employees: [person('ann', [{ skill: 'java', level: 4 }]), person('bob', [{ skill: 'java', level: 3 }], { costRate: 60 })],
    opportunities: [deal('O1', [{ id: 'R1', skill: 'java', minLevel: 3, hoursPerWeek: 40 }], { status: 'won' })],
    rateCards: [{ skill: 'java', level: 3, billRate: 100, currency: 'GBP' }],
    ...extra,
  };
}

describe('solver and checker agree', () => {
  it('reads opportunityIds: [] as no filter and the plan passes its check', async () => {
    const plan = await planStaffing(scenario(), horizon, { opportunityIds: [] });
    expect(plan.check?.ok).toBe(true);
    expect(plan.lines.map((line) => line.lineId)).toEqual(['R1']);
  });

  it('charges no churn when no previous-plan entry survives mapping, and the plan passes its check', async () => {
    const previousPlan = { assignments: [{ employeeId: 'ghost', lineId: 'R1', week: '2027-03-01', hours: 40 }] };
    const plan = await planStaffing(scenario(), horizon, { previousPlan });
    expect(plan.options.previousPlan).toEqual({ assignments: [] });
    expect(plan.objective.churnPenaltyPerHour).toBe(0);
    expect(plan.objective.churnPenalty).toBe(0);
    expect(plan.check?.ok).toBe(true);
  });

  it('still charges churn against a previous plan with a kept entry', async () => {
    const previousPlan = { assignments: [{ employeeId: 'bob', lineId: 'R1', week: '2027-03-01', hours: 40 }] };
    const plan = await planStaffing(scenario(), horizon, { previousPlan });
    expect(plan.objective.churnPenaltyPerHour).toBeGreaterThan(0);
    expect(plan.check?.ok).toBe(true);
  });

  it('skips opportunities that cannot be expanded and names them in warnings instead of failing the plan', async () => {
    const opportunities = [
      ...scenario().opportunities!,
      deal('O2', undefined, { projectType: undefined }), // no roles, no project type
      deal('O3', [], { projectType: 'NOPE' }), // empty roles, unknown project type
      deal('O4', [{ id: 'R4', skill: 'java', minLevel: 1, hoursPerWeek: 8 }], { durationWeeks: undefined }), // no duration anywhere
      deal('O5', undefined, { projectType: 'NOPE', status: 'lost' }), // lost: ignored, not reported
    ];
    const plan = await planStaffing(scenario({ opportunities }), horizon);
    expect(plan.check?.ok).toBe(true);
    expect(plan.lines.map((line) => line.lineId)).toEqual(['R1']);
    expect(plan.warnings).toEqual([
      'opportunity O2 skipped: it has no roles and no project type',
      'opportunity O3 skipped: it has no roles and its project type "NOPE" is unknown',
      'opportunity O4 skipped: role line R4 has no durationWeeks on the role, the opportunity or a known project type',
    ]);
  });

  it('treats certificationExpires null or "" as never expiring, like the checker', async () => {
    const employees = [
      person('ann', [{ skill: 'java', level: 4, certified: true, certificationExpires: null as unknown as string }]),
      person('bob', [{ skill: 'java', level: 4, certified: true, certificationExpires: '' }]),
    ];
    const opportunities = [deal('O1', [{ id: 'R1', skill: 'java', minLevel: 3, hoursPerWeek: 40, headcount: 2, requiresCertification: true }], { status: 'won' })];
    const plan = await planStaffing(scenario({ employees, opportunities }), horizon);
    expect(plan.check?.ok).toBe(true);
    expect(plan.unmet).toEqual([]);
    expect(new Set(plan.assignments.map((row) => row.employeeId))).toEqual(new Set(['ann', 'bob']));
  });

  it('ignores rate cards whose level is not a whole number 1-5, like the checker', async () => {
    const rateCards = [
      { skill: 'java', level: 0, billRate: 500, currency: 'GBP' },
      { skill: 'java', level: 3.5, billRate: 400, currency: 'GBP' },
    ];
    const plan = await planStaffing(scenario({ rateCards }), horizon);
    expect(plan.check?.ok).toBe(true);
    // No usable card: every staffed hour bills 0, so the margin is −cost × hours.
    const hours = plan.assignments.reduce((sum, row) => sum + row.hours, 0);
    expect(hours).toBe(80);
    expect(plan.objective.expectedMargin).toBeLessThan(0);
  });
});
