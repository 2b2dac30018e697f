import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ScenarioError } from '../errors.js';
import type { Scenario } from '../types.js';
import { estimate, redactEstimate } from './index.js';

const tiny = (): Scenario => JSON.parse(readFileSync(new URL('../../fixtures/tiny.json', import.meta.url), 'utf8'));

describe('estimate on the tiny firm (hand-computed)', () => {
  it('staffs o-2 with the cheapest eligible people and prices them from the rate card', async () => {
    // o-2#1 cloud-aws ≥3, 16 h × 3 weeks: only Chloé (75 USD/h, level 4 → card 3 = 170). o-2#2 devops ≥3, 20 h ×
    // 2 weeks: Dev (30 USD/h) is cheaper than Chloé; level 4 → devops card 3 = 140 USD (preferred over GBP).
    const result = await estimate(tiny(), { opportunityId: 'o-2', window: { weeks: 1 } });
    expect(result.lines.map((l) => [l.lineId, l.employeeId, l.hours, l.cost, l.price])).toEqual([
      ['o-2#1', 'p3', 48, 3600, 8160],
      ['o-2#2', 'p4', 40, 1200, 5600],
    ]);
    expect(result.totalCost).toBe(4800);
    expect(result.totalPrice).toBe(13760);
    expect(result.margin).toBeCloseTo(8960 / 13760, 6);
    expect(result.earliestStart).toBe('2027-01-06');
    expect(result.confidence).toBe(1);
    expect(result.currency).toBe('USD');
  });

  it('prices from a target margin: price = cost / (1 − margin)', async () => {
    const result = await estimate(tiny(), { opportunityId: 'o-2', window: { weeks: 1 }, targetMargin: 0.5 });
    expect(result.totalPrice).toBe(9600);
    expect(result.rateCardPrice).toBe(13760);
    expect(result.margin).toBeCloseTo(0.5, 6);
  });

  it('converts every amount into the requested currency with the catalog rate', async () => {
    const result = await estimate(tiny(), { opportunityId: 'o-2', window: { weeks: 1 }, currency: 'GBP' });
    expect(result.currency).toBe('GBP');
    expect(result.totalCost).toBe(3840); // 4800 USD ÷ 1.25
    // cloud-aws has only a USD card: 8160 USD ÷ 1.25 = 6528; devops level 3 has a GBP card (105), which a
    // GBP quote prefers over the USD 140: 40 h × 105 = 4200.
    expect(result.totalPrice).toBe(6528 + 4200);
    expect(result.lines[0].costRate).toBe(60); // Chloé's own GBP cost rate
  });

  it('finds the earliest start where employees cover the policy share (Alice: 24, 32, 40 free hours)', async () => {
    const result = await estimate(tiny(), {
      scope: { expectedStart: '2027-01-11', roles: [{ skill: 'data-engineering', minLevel: 3, hoursPerWeek: 40, durationWeeks: 1, location: 'US-NY' }] },
      window: { weeks: 3 },
    });
    expect(result.options.map((o) => [o.start, o.employeeShare])).toEqual([['2027-01-11', 0.6], ['2027-01-18', 0.8], ['2027-01-25', 1]]);
    expect(result.earliestStart).toBe('2027-01-18');
    expect(result.start).toBe('2027-01-18');
    // 32 h Alice at 90 + 8 contractor h at 1.5 × 90 (median cost of qualified holders: Alice alone).
    expect(result.totalCost).toBe(32 * 90 + 8 * 135);
    // Alice bills data-engineering level 4 = 180; the contractor the card of minLevel 3 = 150.
    expect(result.totalPrice).toBe(32 * 180 + 8 * 150);
    expect(result.confidence).toBe(0.8);
  });

  it('fills a scope nobody holds with contractors: confidence 0 and no earliest start', async () => {
    const result = await estimate(tiny(), {
      scope: { expectedStart: '2027-01-04', roles: [{ skill: 'sap-s4hana', minLevel: 3, hoursPerWeek: 10, durationWeeks: 2 }] },
      window: { weeks: 2 },
      targetMargin: 0.2,
    });
    expect(result.lines.every((l) => l.staffedBy === 'contractor')).toBe(true);
    expect(result.confidence).toBe(0);
    expect(result.earliestStart).toBeNull();
    // Nobody holds the skill: reference = median cost of all employees (30, 70, 75, 90 → 72.5) × 1.5.
    expect(result.totalCost).toBe(20 * 108.75);
    expect(result.totalPrice).toBe(2718.75);
  });

  it('counts requested PTO only when asked (Bilal asked for Monday 25 January off)', async () => {
    const scope = { expectedStart: '2027-01-25', roles: [{ skill: 'python', minLevel: 3, hoursPerWeek: 40, headcount: 2, durationWeeks: 1, location: 'US-NY' }] };
    const without = await estimate(tiny(), { scope, window: { weeks: 1 } });
    const withPto = await estimate(tiny(), { scope, window: { weeks: 1 }, countRequestedPto: true });
    expect(without.employeeHours).toBe(80);
    expect(withPto.employeeHours).toBe(72);
    expect(withPto.contractorHours).toBe(8);
    expect(withPto.confidence).toBe(0.9);
  });

  it('treats hours of a stored staffing plan as taken, except the estimated deal\'s own', async () => {
    const planned = [
      { employeeId: 'p4', lineId: 'other#1', week: '2027-01-11', hours: 20 },
      { employeeId: 'p3', lineId: 'o-2#1', week: '2027-01-04', hours: 16 },
    ];
    const result = await estimate(tiny(), { opportunityId: 'o-2', window: { weeks: 1 }, plannedAssignments: planned });
    // Chloé's own o-2#1 hours are not subtracted (48 h still hers); Dev has nothing left in 01-11. One seat: Dev
    // (20 h in 01-18) beats Chloé (8 h a week after o-2#1), and a contractor fills week 01-11.
    expect(result.lines.find((l) => l.lineId === 'o-2#1')?.hours).toBe(48);
    expect(result.lines.filter((l) => l.lineId === 'o-2#2').map((l) => [l.staffedBy, l.employeeId ?? null, l.hours])).toEqual([
      ['employee', 'p4', 20],
      ['contractor', null, 20],
    ]);
  });

  it('hides names and merges rows per line and level for callers without plans:read', async () => {
    const redacted = redactEstimate(await estimate(tiny(), { opportunityId: 'o-2', window: { weeks: 1 } }));
    expect(redacted.lines.some((l) => 'employeeId' in l || 'employeeName' in l)).toBe(false);
    expect(redacted.totalCost).toBe(4800);
  });
});

describe('estimate input errors', () => {
  const cases: [string, object, string][] = [
    ['an unknown opportunity', { opportunityId: 'nope' }, 'opportunityId'],
    ['an empty scope', { scope: { expectedStart: '2027-01-04', roles: [] } }, 'scope.roles'],
    ['negative hours', { scope: { expectedStart: '2027-01-04', roles: [{ skill: 'python', minLevel: 1, hoursPerWeek: -5, durationWeeks: 1 }] } }, 'scope.roles[0].hoursPerWeek'],
    ['a margin of 1 or more', { opportunityId: 'o-2', targetMargin: 1 }, 'targetMargin'],
    ['a currency without an exchange rate', { opportunityId: 'o-2', currency: 'JPY' }, 'currency'],
  ];
  it.each(cases)('rejects %s with a ScenarioError naming the field', async (_, request, path) => {
    const error = await estimate(tiny(), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).path).toBe(path);
  });
});
