import { describe, expect, it } from '@jest/globals';
import { checkPlan } from '../checker/index.js';
import { buildProblem } from '../problem.js';
import type { Employee, Opportunity, ProblemSolution, Scenario } from '../types.js';
import { assemblePlan } from './assemble.js';

const ts = '2026-01-01T00:00:00Z';

function person(id: string, name: string, skills: Employee['skills'], costRate: number): Employee {
  return { id, name, location: 'UK', timeZone: 'Europe/London', costRate, currency: 'GBP', skills, updatedAt: ts };
}

function deal(id: string, probability: number, roles: Opportunity['roles'], expectedStart = '2027-03-01'): Opportunity {
  return { id, accountId: 'A', name: id, stage: 's', probability, closeDate: '2027-02-01', expectedStart, durationWeeks: 2, status: probability === 1 ? 'won' : 'open', updatedAt: ts, roles };
}

const scenario: Scenario = {
  employees: [
    person('ann', 'Ann Lee', [{ skill: 'java', level: 4 }], 50),
    person('bob', 'Bob Ray', [{ skill: 'java', level: 3 }], 60),
    person('cara', 'Cara Diaz', [{ skill: 'sql', level: 5 }], 55),
  ],
  timeOff: [{ id: 't1', employeeId: 'ann', start: '2027-03-08', end: '2027-03-12', status: 'approved', updatedAt: ts }],
  opportunities: [
    deal('O1', 0.5, [{ id: 'R1', skill: 'java', minLevel: 3, hoursPerWeek: 40 }]),
    deal('O2', 1, [
      { id: 'R2', skill: 'rust', minLevel: 1, hoursPerWeek: 20 },
      { id: 'R3', skill: 'java', minLevel: 3, hoursPerWeek: 30 },
      { id: 'R5', skill: 'sql', minLevel: 1, hoursPerWeek: 5 },
    ]),
    deal('O3', 1, [{ id: 'R4', skill: 'java', minLevel: 4, hoursPerWeek: 10, durationWeeks: 1 }], '2027-03-08'),
  ],
  rateCards: [
    { skill: 'java', level: 3, billRate: 100, currency: 'GBP' },
    { skill: 'java', level: 4, billRate: 120, currency: 'GBP' },
  ],
};

function planFor(hours: { employeeId: string; lineId: string; week: string; hours: number }[], previous?: typeof hours) {
  const { problem, context } = buildProblem(scenario, { from: '2027-03-01', weeks: 2 }, previous ? { previousPlan: { assignments: previous } } : {});
  const solution: ProblemSolution = {
    hours: hours.map((h) => ({ person: context.personIndex.get(h.employeeId)!, line: context.lineIndex.get(h.lineId)!, week: context.weeks.indexOf(h.week), hours: h.hours })),
    status: 'feasible',
    backend: 'highs',
    algorithm: 'hand-made',
    bound: { value: 1000, kind: 'hand-made' },
    stats: {},
  };
  return assemblePlan(problem, context, solution, { solveMs: 1, phases: [] });
}

const staffed = [
  { employeeId: 'bob', lineId: 'R3', week: '2027-03-08', hours: 30 },
  { employeeId: 'ann', lineId: 'R1', week: '2027-03-01', hours: 40 },
  { employeeId: 'bob', lineId: 'R3', week: '2027-03-01', hours: 30 },
];

describe('assemblePlan', () => {
  it('produces a document the independent checker accepts', () => {
    const plan = planFor(staffed);
    expect(checkPlan(scenario, plan)).toEqual({ ok: true, violations: [] });
  });

  it('sorts assignments by employee, line and week and lists every employee × week as available', () => {
    const plan = planFor(staffed);
    expect(plan.assignments.map((a) => `${a.employeeId}/${a.lineId}/${a.week}`)).toEqual([
      'ann/R1/2027-03-01',
      'bob/R3/2027-03-01',
      'bob/R3/2027-03-08',
    ]);
    expect(plan.available.map((a) => `${a.employeeId}/${a.week}/${a.hours}`)).toEqual([
      'ann/2027-03-01/40', 'ann/2027-03-08/0', 'bob/2027-03-01/40', 'bob/2027-03-08/40', 'cara/2027-03-01/40', 'cara/2027-03-08/40',
    ]);
  });

  it('recomputes the objective from the assignments', () => {
    const { objective, gap } = planFor(staffed);
    expect(objective.coverage).toBeCloseTo(80, 9); // 0.5 × 40 + 1 × 60
    expect(objective.expectedMargin).toBeCloseTo(3800, 9); // 0.5 × 70 × 40 + 40 × 60
    expect(objective.unmetPenaltyPerHour).toBe(7000); // 100 × Ann's 70 margin
    expect(objective.unmetPenalty).toBeCloseTo(7000 * 80, 6); // R1 wk2 20 + R2 40 + R4 10 + R5 10
    expect(objective.fragmentationPenalty).toBeCloseTo(2 * 55, 9);
    expect(objective.value).toBeCloseTo(3800 - 560000 - 110, 6);
    expect(gap).toBeCloseTo((1000 - objective.value) / 1000, 9);
  });

  it('gives every short line-week a reason from the fixed list, with names and a fix', () => {
    const unmet = planFor(staffed).unmet;
    const byKey = new Map(unmet.map((u) => [`${u.lineId}/${u.week}`, u]));
    expect(unmet.map((u) => `${u.lineId}/${u.week}`)).toEqual(['R1/2027-03-08', 'R2/2027-03-01', 'R2/2027-03-08', 'R4/2027-03-08', 'R5/2027-03-01', 'R5/2027-03-08']);
    expect(byKey.get('R1/2027-03-08')).toMatchObject({ hours: 40, expectedHours: 20, reason: 'headcount-reached' });
    expect(byKey.get('R1/2027-03-08')!.detail).toMatch(/Ann Lee.*Bob Ray \(10 h free\)/);
    expect(byKey.get('R2/2027-03-01')).toMatchObject({ reason: 'no-eligible-person', fix: 'one more level-1 rust person in weeks 2027-03-01 to 2027-03-08' });
    expect(byKey.get('R2/2027-03-01')!.detail).toBe('nobody holds rust at level ≥ 1');
    expect(byKey.get('R4/2027-03-08')).toMatchObject({ reason: 'eligible-people-busy', fix: 'one more level-4 java person in week 2027-03-08' });
    expect(byKey.get('R4/2027-03-08')!.detail).toMatch(/Ann Lee: 40 h PTO/);
    expect(byKey.get('R5/2027-03-01')).toMatchObject({ reason: 'not-worth-it' });
    expect(byKey.get('R5/2027-03-01')!.detail).toMatch(/Cara Diaz \(5 h free\)/);
  });

  it('explains each person on each line: level, free hours, cost and continuity', () => {
    const plan = planFor(staffed, [{ employeeId: 'bob', lineId: 'R3', week: '2027-03-01', hours: 30 }]);
    expect(plan.explanations.map((e) => [e.employeeId, e.lineId, e.weeks, e.hours])).toEqual([
      ['ann', 'R1', ['2027-03-01'], 40],
      ['bob', 'R3', ['2027-03-01', '2027-03-08'], 60],
    ]);
    expect(plan.explanations[0].why).toMatch(/level 4 in java \(line needs ≥ 3\); 40 h free .* cost 50.00 GBP\/h against bill 120.00 GBP\/h .* cost rank 1 of 2 eligible; new on this line/);
    expect(plan.explanations[1].why).toMatch(/continues the previous plan \(30 h on this line there\)/);
    expect(plan.objective.churnPenalty).toBeCloseTo(plan.objective.churnPenaltyPerHour! * (40 + 30), 9);
  });

  it('reports utilization as assigned over available hours', () => {
    const utilization = planFor(staffed).utilization;
    expect(utilization).toEqual([
      { employeeId: 'ann', availableHours: 40, assignedHours: 40, utilization: 1 },
      { employeeId: 'bob', availableHours: 80, assignedHours: 60, utilization: 0.75 },
      { employeeId: 'cara', availableHours: 80, assignedHours: 0, utilization: 0 },
    ]);
  });

  it('refuses optimizer hours on a pair that is not eligible', () => {
    expect(() => planFor([{ employeeId: 'cara', lineId: 'R1', week: '2027-03-01', hours: 5 }])).toThrow(/not an eligible pair/);
  });
});
