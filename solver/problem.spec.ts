import { describe, expect, it } from '@jest/globals';
import { ScenarioError } from './errors.js';
import { buildProblem, fragmentationPenaltyPerPair, unmetPenaltyPerHour } from './problem.js';
import type { Employee, Opportunity, Scenario } from './types.js';

const ts = '2026-01-01T00:00:00Z';
const horizon = { from: '2027-03-03', weeks: 3 };

function person(id: string, skills: Employee['skills'], overrides: Partial<Employee> = {}): Employee {
  return { id, name: `Person ${id}`, location: 'UK', timeZone: 'Europe/London', costRate: 50, currency: 'GBP', skills, updatedAt: ts, ...overrides };
}

function deal(id: string, roles: Opportunity['roles'], overrides: Partial<Opportunity> = {}): Opportunity {
  return { id, accountId: 'A', name: id, stage: 's', probability: 0.5, closeDate: '2027-02-01', expectedStart: '2027-03-01', durationWeeks: 2, status: 'open', updatedAt: ts, roles, ...overrides };
}

const scenario: Scenario = {
  employees: [
    person('p3', [{ skill: 'java', level: 4 }], { costRate: 70 }),
    person('p1', [{ skill: 'java', level: 2 }]),
    person('p2', [{ skill: 'java', level: 5 }, { skill: 'sql', level: 3 }], { location: 'DE', costRate: 90 }),
    person('p4', [{ skill: 'java', level: 5 }], { endDate: '2027-02-26' }), // gone before the horizon
  ],
  opportunities: [
    deal('O1', [{ id: 'R1', skill: 'java', minLevel: 3, hoursPerWeek: 40 }, { id: 'R2', skill: 'sql', minLevel: 1, hoursPerWeek: 10, location: 'UK' }]),
    deal('O2', [{ id: 'R3', skill: 'java', minLevel: 1, hoursPerWeek: 20, headcount: 2, location: 'DE', remoteAllowed: true }], { status: 'won' }),
  ],
  rateCards: [
    { skill: 'java', level: 3, billRate: 120, currency: 'GBP' },
    { skill: 'java', level: 5, billRate: 150, currency: 'GBP' },
  ],
};

describe('buildProblem', () => {
  it('indexes people and lines by id and maps line weeks to horizon indices', () => {
    const { problem, context } = buildProblem(scenario, horizon);
    expect(problem.weeks).toEqual(['2027-03-01', '2027-03-08', '2027-03-15']);
    expect(problem.people.map((p) => p.employeeId)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(problem.lines.map((l) => [l.lineId, l.weeks, l.probability])).toEqual([
      ['R1', [0, 1], 0.5],
      ['R2', [0, 1], 0.5],
      ['R3', [0, 1], 1],
    ]);
    expect(context.horizon.from).toBe('2027-03-01');
  });

  it('builds only eligible pairs with free hours, sorted by (line, person), priced in the base currency', () => {
    const { problem, context } = buildProblem(scenario, horizon);
    const ids = problem.pairs.map((pair) => `${problem.lines[pair.line].lineId}:${problem.people[pair.person].employeeId}`);
    // R1 needs java ≥ 3 (p2, p3; p4 has left); R2 is on site in UK and nobody there holds sql;
    // R3 allows remote work, so p2 in DE and everyone with java counts.
    expect(ids).toEqual(['R1:p2', 'R1:p3', 'R3:p1', 'R3:p2', 'R3:p3']);
    const r1p3 = problem.pairs[1];
    expect(r1p3).toMatchObject({ level: 4, billRate: 120, marginPerHour: 50 });
    expect(problem.pairs[2]).toMatchObject({ level: 2, billRate: 0, marginPerHour: -50 });
    expect([...context.eligible[0]]).toEqual([1, 2, 3]); // p4 is eligible but has no hours
  });

  it('prices unmet hours so coverage comes first, and keeps the small penalties small', () => {
    const { problem } = buildProblem(scenario, horizon);
    // The widest |bill − cost| over eligible pairs is p4's 150 − 50 = 100 → U = max(1000, 100 × 100).
    expect(problem.unmetPenaltyPerHour).toBe(10000);
    expect(problem.fragmentationPenaltyPerPair).toBe(60); // median of 50, 50, 70, 90
    expect(problem.churnPenaltyPerHour).toBe(0); // no previous plan, nothing to churn against
    const withPrevious = buildProblem(scenario, horizon, { previousPlan: { assignments: [{ employeeId: 'p3', lineId: 'R1', week: '2027-03-08', hours: 16 }] } }).problem;
    expect(withPrevious.churnPenaltyPerHour).toBeCloseTo(6, 9);
    expect(unmetPenaltyPerHour(3)).toBe(1000);
    expect(fragmentationPenaltyPerPair([])).toBe(0);
  });

  it('applies the filters before building lines', () => {
    const { problem } = buildProblem(scenario, horizon, { minProbability: 0.6 });
    expect(problem.lines.map((l) => l.lineId)).toEqual(['R3']);
  });

  it('maps pins to indices', () => {
    const { problem, context } = buildProblem(scenario, horizon, { pinned: [{ employeeId: 'p3', lineId: 'R1', week: '2027-03-08', hours: 16 }] });
    expect(problem.pinned).toEqual([{ person: 2, line: 0, week: 1, hours: 16 }]);
    expect(context.options.pinned).toHaveLength(1);
  });

  it.each([
    [{ employeeId: 'nobody', lineId: 'R1', week: '2027-03-01', hours: 8 }, 'pinned[0].employeeId', /unknown employee/],
    [{ employeeId: 'p3', lineId: 'R9', week: '2027-03-01', hours: 8 }, 'pinned[0].lineId', /not demanded/],
    [{ employeeId: 'p3', lineId: 'R1', week: '2027-03-15', hours: 8 }, 'pinned[0].week', /not one of line R1/],
    [{ employeeId: 'p1', lineId: 'R1', week: '2027-03-01', hours: 8 }, 'pinned[0].employeeId', /not eligible/],
    [{ employeeId: 'p3', lineId: 'R1', week: '2027-03-01', hours: 41 }, 'pinned[0].hours', /exceeds line R1/],
    [{ employeeId: 'p3', lineId: 'R1', week: '2027-03-01', hours: -1 }, 'pinned[0].hours', /must be > 0/],
    [{ employeeId: 'p3', lineId: 'R1', week: '2027-03-01', hours: 0 }, 'pinned[0].hours', /must be > 0/],
  ])('rejects a pin the rules forbid with a ScenarioError naming the field (%#)', (pin, path, message) => {
    let error: unknown;
    try {
      buildProblem(scenario, horizon, { pinned: [pin] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).path).toBe(path);
    expect((error as ScenarioError).message).toMatch(message);
  });

  it('rejects pins beyond a person’s available hours and beyond the headcount', () => {
    const overbooked = [
      { employeeId: 'p2', lineId: 'R1', week: '2027-03-01', hours: 30 },
      { employeeId: 'p2', lineId: 'R3', week: '2027-03-01', hours: 20 },
    ];
    expect(() => buildProblem(scenario, horizon, { pinned: overbooked })).toThrow(/pinned\[1\]\.hours: p2 has 40 h available/);
    const crowded = ['p1', 'p2', 'p3'].map((employeeId) => ({ employeeId, lineId: 'R3', week: '2027-03-01', hours: 5 }));
    expect(() => buildProblem(scenario, horizon, { pinned: crowded })).toThrow(/pinned\[2\]\.employeeId: line R3 has headcount 2/);
  });

  it('keeps only the previous-plan entries that can recur in this plan', () => {
    const previousPlan = {
      assignments: [
        { employeeId: 'p3', lineId: 'R1', week: '2027-03-01', hours: 40 },
        { employeeId: 'p3', lineId: 'GONE', week: '2027-03-01', hours: 40 },
        { employeeId: 'p1', lineId: 'R1', week: '2027-03-01', hours: 40 }, // p1 is not eligible for R1
        { employeeId: 'p3', lineId: 'R1', week: '2027-02-22', hours: 40 }, // before the horizon
      ],
    };
    const { problem, context } = buildProblem(scenario, horizon, { previousPlan });
    expect(problem.previous).toEqual([{ person: 2, line: 0, week: 0, hours: 40 }]);
    expect(context.options.previousPlan).toEqual({ assignments: [previousPlan.assignments[0]] });
  });
});
