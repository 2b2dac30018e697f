import { describe, expect, it } from '@jest/globals';
import type { Employee, PlanLine } from '../types.js';
import { cheapestStaffing, type StaffingInput } from './staffing.js';

const person = (id: string, costRate: number): Employee => ({
  id, name: id, location: 'US-NY', timeZone: 'America/New_York', costRate, currency: 'USD', skills: [{ skill: 'java', level: 4 }], updatedAt: '2026-12-01T00:00:00Z',
});

const line = (headcount: number): PlanLine => ({
  lineId: 'L', opportunityId: 'O', skill: 'java', minLevel: 3, hoursPerWeek: 40, headcount, weeks: ['2027-01-04'], probability: 1, start: '2027-01-04', remoteAllowed: true, requiresCertification: false,
});

/** Ann (50/h) and Ben (60/h) have 20 free hours each in the one week; contractors cost 100/h. */
function input(headcount: number): StaffingInput {
  return {
    lines: [line(headcount)],
    employees: [person('ann', 50), person('ben', 60)],
    costRates: Float64Array.from([50, 60]),
    free: [Float64Array.from([20]), Float64Array.from([20])],
    weekIndex: new Map([['2027-01-04', 0]]),
    contractorRate: () => 100,
    backend: 'highs',
  };
}

describe('cheapest staffing with lazily added seats', () => {
  it('keeps the LP answer when it already respects the headcount (both people on a 2-seat line)', async () => {
    // 2 seats × 40 h = 80 h: Ann 20, Ben 20, contractors the other 40.
    const result = await cheapestStaffing(input(2));
    expect(result.staffed).toEqual([{ line: 0, person: 0, hours: 20 }, { line: 0, person: 1, hours: 20 }, { line: 0, person: -1, hours: 40 }]);
    expect(result.status).toBe('optimal');
  });

  it('adds seats to a line the LP over-staffs: one seat goes to the cheaper person, a contractor fills the rest', async () => {
    // Without seats the LP puts Ann and Ben on the 1-seat line; with its seat binaries only Ann stays.
    const result = await cheapestStaffing(input(1));
    expect(result.staffed).toEqual([{ line: 0, person: 0, hours: 20 }, { line: 0, person: -1, hours: 20 }]);
    expect(Array.from(result.employeeHours[0])).toEqual([20]);
  });
});
