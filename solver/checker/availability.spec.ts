import { describe, expect, it } from '@jest/globals';
import type { Employee, Scenario } from '../types.js';
import { availableHoursByEmployee } from './availability.js';
import { dayNumber, horizonMondays, isoWeekday, mondayOf } from './dates.js';
import { scenarioView } from './scenarioView.js';

const T0 = '2026-12-01T00:00:00Z';
const person = (extra: Partial<Employee> = {}): Employee => ({
  id: 'p1', name: 'Pat', location: 'GB-LON', timeZone: 'Europe/London', costRate: 60, currency: 'GBP', skills: [], updatedAt: T0, ...extra,
});

/** Available hours of p1 in the weeks starting `from`. */
function hours(scenario: Scenario, from: string, weeks: number, countRequestedPto = false): number[] {
  return availableHoursByEmployee(scenarioView(scenario), horizonMondays(from, weeks), countRequestedPto).get('p1')!;
}

describe('checker dates', () => {
  it('names weekdays the ISO way and snaps to the Monday across a year end', () => {
    expect(isoWeekday(dayNumber('2027-01-03'))).toBe(7);
    expect(mondayOf(dayNumber('2027-01-01'))).toBe(dayNumber('2026-12-28'));
    expect(horizonMondays('2027-01-06', 2).length).toBe(2);
  });
  it('rejects dates that do not exist', () => {
    expect(() => dayNumber('2027-02-29')).toThrow('not a calendar date');
  });
});

describe('checker availability', () => {
  const calendar = { code: 'GB-LON', name: 'England', dates: [{ date: '2027-03-26', name: 'Good Friday' }, { date: '2027-03-29', name: 'Easter Monday' }, { date: '2027-12-25', name: 'Christmas Day (Saturday)' }] };

  it('takes holidays of the calendar named by the location on working days only', () => {
    const scenario: Scenario = { employees: [person()], holidayCalendars: [calendar] };
    expect(hours(scenario, '2027-03-22', 2)).toEqual([32, 32]);
    expect(hours(scenario, '2027-12-20', 1)).toEqual([40]); // Christmas on a Saturday costs nothing
  });

  it('prefers holidayCalendar over the location', () => {
    const scenario: Scenario = { employees: [person({ holidayCalendar: 'OTHER' })], holidayCalendars: [calendar, { code: 'OTHER', name: 'x', dates: [] }] };
    expect(hours(scenario, '2027-03-22', 1)).toEqual([40]);
  });

  it('subtracts whole-day PTO across the year end and partial days by their hours', () => {
    const scenario: Scenario = {
      employees: [person()],
      timeOff: [
        { id: 't1', employeeId: 'p1', start: '2026-12-30', end: '2027-01-05', status: 'approved', updatedAt: T0 },
        { id: 't2', employeeId: 'p1', start: '2027-01-07', end: '2027-01-07', hoursPerDay: 3, status: 'approved', updatedAt: T0 },
      ],
    };
    expect(hours(scenario, '2026-12-28', 2)).toEqual([16, 21]);
  });

  it('subtracts requested PTO only when asked and cancelled PTO never', () => {
    const scenario: Scenario = {
      employees: [person()],
      timeOff: [
        { id: 't1', employeeId: 'p1', start: '2027-01-04', end: '2027-01-04', status: 'requested', updatedAt: T0 },
        { id: 't2', employeeId: 'p1', start: '2027-01-05', end: '2027-01-05', status: 'cancelled', updatedAt: T0 },
      ],
    };
    expect(hours(scenario, '2027-01-04', 1)).toEqual([40]);
    expect(hours(scenario, '2027-01-04', 1, true)).toEqual([32]);
  });

  it('deducts a current assignment through its roll-off day, mid-week', () => {
    const scenario: Scenario = {
      employees: [person()],
      assignments: [{ id: 'c1', employeeId: 'p1', projectId: 'x', start: '2026-11-02', rollOffDate: '2027-01-06', hoursPerWeek: 20, billable: true, updatedAt: T0 }],
    };
    expect(hours(scenario, '2027-01-04', 2)).toEqual([40 - 3 * 4, 40]);
  });

  it('counts no day outside employment, starting and ending mid-week', () => {
    const scenario: Scenario = { employees: [person({ startDate: '2027-01-06', endDate: '2027-01-12' })] };
    expect(hours(scenario, '2027-01-04', 3)).toEqual([24, 16, 0]);
  });

  it('gives a part-timer hours on their own working days only', () => {
    const scenario: Scenario = { employees: [person({ weeklyHours: 24, workingDays: [1, 2, 3] })], holidayCalendars: [calendar] };
    expect(hours(scenario, '2027-03-29', 1)).toEqual([16]);
    expect(hours(scenario, '2027-03-22', 1)).toEqual([24]); // Good Friday is not one of their days
  });

  it('adds deductions up and floors each day at zero', () => {
    const scenario: Scenario = {
      employees: [person()],
      timeOff: [{ id: 't1', employeeId: 'p1', start: '2027-01-04', end: '2027-01-04', hoursPerDay: 6, status: 'approved', updatedAt: T0 }],
      assignments: [{ id: 'c1', employeeId: 'p1', projectId: 'x', start: '2027-01-04', rollOffDate: '2027-01-05', hoursPerWeek: 25, billable: true, updatedAt: T0 }],
    };
    expect(hours(scenario, '2027-01-04', 1)).toEqual([0 + 3 + 24]);
  });

  it('uses the latest version of a record with a duplicate id', () => {
    const scenario: Scenario = {
      employees: [person({ weeklyHours: 30, updatedAt: '2026-12-05T00:00:00+01:00' }), person({ weeklyHours: 20, updatedAt: '2026-12-01T00:00:00Z' })],
    };
    expect(hours(scenario, '2027-01-04', 1)).toEqual([30]);
  });
});
