import { describe, expect, it } from '@jest/globals';
import { normalizeScenario } from './scenario.js';
import type { Employee } from './types.js';

function employee(id: string, updatedAt: string, name = id): Employee {
  return { id, name, location: 'UK', timeZone: 'Europe/London', costRate: 1, currency: 'GBP', skills: [], updatedAt };
}

describe('normalizeScenario', () => {
  it('keeps the record with the latest updatedAt per id, comparing instants across offsets', () => {
    const scenario = normalizeScenario({
      employees: [employee('a', '2026-01-01T10:00:00+02:00', 'newer'), employee('a', '2026-01-01T09:00:00Z', 'older-looking-later')],
    });
    // 10:00+02:00 is 08:00Z, so the 09:00Z record is the latest.
    expect(scenario.employees!.map((e) => e.name)).toEqual(['older-looking-later']);
  });

  it('lets the later record win a tie and sorts by id', () => {
    const scenario = normalizeScenario({ employees: [employee('b', '2026-01-01T00:00:00Z', 'first'), employee('a', 'x'), employee('b', '2026-01-01T00:00:00Z', 'second')] });
    expect(scenario.employees!.map((e) => e.name)).toEqual(['a', 'second']);
  });

  it('fills the employee defaults: 40 weekly hours, Monday to Friday', () => {
    const [e] = normalizeScenario({ employees: [employee('a', '2026-01-01T00:00:00Z')] }).employees!;
    expect(e.weeklyHours).toBe(40);
    expect(e.workingDays).toEqual([1, 2, 3, 4, 5]);
  });

  it('replaces a catalog entry whole by its natural key', () => {
    const scenario = normalizeScenario({
      holidayCalendars: [
        { code: 'UK', name: 'old', dates: [{ date: '2027-01-01', name: 'x' }] },
        { code: 'UK', name: 'new', dates: [] },
      ],
    });
    expect(scenario.holidayCalendars).toEqual([{ code: 'UK', name: 'new', dates: [] }]);
  });

  it('rejects a person without working days, naming the field', () => {
    expect(() => normalizeScenario({ employees: [{ ...employee('a', 'x'), workingDays: [] }] })).toThrow(/employees\[a\]\.workingDays/);
  });

  it('is idempotent', () => {
    const once = normalizeScenario({ employees: [employee('a', 'x')] });
    expect(normalizeScenario(once)).toBe(once);
  });
});
