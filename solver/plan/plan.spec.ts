import { describe, expect, it } from '@jest/globals';
import { ScenarioError } from '../errors.js';
import type { Employee, Opportunity, Scenario, StaffingPlan } from '../types.js';
import { planStaffing } from './index.js';

const ts = '2026-01-01T00:00:00Z';

function person(id: string, skills: Employee['skills'], costRate: number): Employee {
  return { id, name: id.toUpperCase(), location: 'UK', timeZone: 'Europe/London', costRate, currency: 'GBP', skills, updatedAt: ts };
}

function deal(id: string, probability: number, roles: Opportunity['roles']): Opportunity {
  return { id, accountId: 'A', name: id, stage: 's', probability, closeDate: '2027-02-01', expectedStart: '2027-03-01', durationWeeks: 2, status: probability === 1 ? 'won' : 'open', updatedAt: ts, roles };
}

const scenario: Scenario = {
  employees: [
    person('ann', [{ skill: 'java', level: 4 }], 50),
    person('bob', [{ skill: 'java', level: 3 }], 60),
    person('cara', [{ skill: 'sql', level: 4 }, { skill: 'java', level: 3 }], 40),
  ],
  opportunities: [
    deal('O1', 1, [{ id: 'R1', skill: 'java', minLevel: 3, hoursPerWeek: 40 }]),
    deal('O2', 0.5, [{ id: 'R2', skill: 'sql', minLevel: 3, hoursPerWeek: 20 }]),
    deal('O3', 0.8, [{ id: 'R3', skill: 'java', minLevel: 4, hoursPerWeek: 40 }]),
  ],
  rateCards: [
    { skill: 'java', level: 3, billRate: 100, currency: 'GBP' },
    { skill: 'java', level: 4, billRate: 130, currency: 'GBP' },
    { skill: 'sql', level: 3, billRate: 90, currency: 'GBP' },
  ],
};

const horizon = { from: '2027-03-01', weeks: 2 };

function withoutTimings(plan: StaffingPlan): unknown {
  return JSON.parse(JSON.stringify(plan, (key, value) => (key === 'timeMs' || key === 'phases' ? undefined : value)));
}

describe('planStaffing', () => {
  it('returns a checked plan that puts the only level-4 person on the level-4 line and covers everything', async () => {
    const plan = await planStaffing(scenario, horizon, { backend: 'highs' });
    expect(plan.check).toEqual({ ok: true, violations: [] });
    const who = new Map<string, Set<string>>();
    for (const a of plan.assignments) who.set(a.lineId, (who.get(a.lineId) ?? new Set()).add(a.employeeId));
    expect(who.get('R3')).toEqual(new Set(['ann']));
    expect(who.get('R2')).toEqual(new Set(['cara']));
    expect(who.get('R1')).toEqual(new Set(['bob']));
    expect(plan.unmet).toEqual([]);
    expect(plan.objective.coverage).toBeCloseTo(80 + 20 + 64, 6);
    expect(plan.objective.value).toBeLessThanOrEqual(plan.bound.value + 1e-6);
    expect(plan.explanations).toHaveLength(3);
  });

  it('keeps a pinned assignment as given', async () => {
    const pinned = [{ employeeId: 'cara', lineId: 'R1', week: '2027-03-08', hours: 10 }];
    const plan = await planStaffing(scenario, horizon, { pinned });
    expect(plan.assignments).toContainEqual(pinned[0]);
    expect(plan.options.pinned).toEqual(pinned);
    expect(plan.check?.ok).toBe(true);
  });

  it('gives the same document twice apart from timings', async () => {
    const first = await planStaffing(scenario, horizon, { minProbability: 0.6 });
    const second = await planStaffing(scenario, horizon, { minProbability: 0.6 });
    expect(JSON.stringify(withoutTimings(first))).toBe(JSON.stringify(withoutTimings(second)));
    expect(first.lines.map((l) => l.lineId)).toEqual(['R1', 'R3']);
  });

  it('rejects a pin for an unknown line with a ScenarioError', async () => {
    await expect(planStaffing(scenario, horizon, { pinned: [{ employeeId: 'ann', lineId: 'NOPE', week: '2027-03-01', hours: 1 }] })).rejects.toBeInstanceOf(ScenarioError);
  });

  it('reports progress that never goes backwards and ends at 100', async () => {
    const seen: number[] = [];
    await planStaffing(scenario, horizon, { onProgress: (p) => seen.push(p.percent) });
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(100);
  });
});
