import { describe, expect, it } from '@jest/globals';
import type { Employee, Scenario } from '../types.js';
import { availabilityMatrix, availableHours, calendarContext, weekBreakdown } from './availability.js';

function employee(overrides: Partial<Employee> = {}): Employee {
  return {
    id: 'e1',
    name: 'Ada Lovelace',
    location: 'DE-BE',
    timeZone: 'Europe/Berlin',
    costRate: 80,
    currency: 'EUR',
    skills: [],
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

function hoursIn(week: string, scenario: Scenario, countRequestedPto = false): number {
  const ctx = calendarContext(scenario, { countRequestedPto });
  return availableHours(scenario.employees![0], week, ctx);
}

const ts = '2026-01-01T00:00:00Z';

describe('availableHours', () => {
  it('gives a full-time person 40 hours in a plain week', () => {
    expect(hoursIn('2027-03-01', { employees: [employee()] })).toBe(40);
  });

  it('charges nothing for a holiday that falls on a weekend', () => {
    const scenario: Scenario = {
      employees: [employee()],
      holidayCalendars: [{ code: 'DE-BE', name: 'Berlin', dates: [{ date: '2027-01-02', name: 'Saturday holiday' }] }],
    };
    expect(hoursIn('2026-12-28', scenario)).toBe(40);
  });

  it('removes a weekday holiday of the calendar whose code equals the location', () => {
    const scenario: Scenario = {
      employees: [employee()],
      holidayCalendars: [{ code: 'DE-BE', name: 'Berlin', dates: [{ date: '2027-03-03', name: 'Midweek' }] }],
    };
    expect(hoursIn('2027-03-01', scenario)).toBe(32);
  });

  it('uses holidayCalendar over the location when given', () => {
    const scenario: Scenario = {
      employees: [employee({ holidayCalendar: 'UK' })],
      holidayCalendars: [
        { code: 'DE-BE', name: 'Berlin', dates: [{ date: '2027-03-03', name: 'Berlin only' }] },
        { code: 'UK', name: 'United Kingdom', dates: [{ date: '2027-03-04', name: 'UK only' }, { date: '2027-03-05', name: 'UK too' }] },
      ],
    };
    expect(hoursIn('2027-03-01', scenario)).toBe(24);
  });

  it('splits PTO across a year end into the weeks on both sides', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2026-12-30', end: '2027-01-05', status: 'approved', updatedAt: ts }],
    };
    expect(hoursIn('2026-12-28', scenario)).toBe(16); // Mon, Tue left
    expect(hoursIn('2027-01-04', scenario)).toBe(24); // Mon, Tue off
  });

  it('stops counting an assignment after its mid-week roll-off date', () => {
    const scenario: Scenario = {
      employees: [employee()],
      assignments: [
        { id: 'a1', employeeId: 'e1', projectId: 'P', start: '2027-01-01', rollOffDate: '2027-03-03', hoursPerWeek: 40, billable: true, updatedAt: ts },
      ],
    };
    expect(hoursIn('2027-03-01', scenario)).toBe(16); // free on Thursday and Friday
  });

  it('counts only the days from a mid-week employment start', () => {
    expect(hoursIn('2027-03-01', { employees: [employee({ startDate: '2027-03-04' })] })).toBe(16);
  });

  it('counts only the days up to the employment end date', () => {
    expect(hoursIn('2027-03-01', { employees: [employee({ endDate: '2027-03-01' })] })).toBe(8);
  });

  it('is unaffected by daylight-saving changes because dates are plain dates', () => {
    const berlin = { employees: [employee()] };
    const newYork = { employees: [employee({ timeZone: 'America/New_York', location: 'US-NY' })] };
    expect(hoursIn('2027-03-22', berlin)).toBe(40); // EU spring forward on Sunday 28 March
    expect(hoursIn('2027-10-25', berlin)).toBe(40); // EU fall back on Sunday 31 October
    expect(hoursIn('2027-03-08', newYork)).toBe(40); // US spring forward on Sunday 14 March
  });

  it('spreads part-time weekly hours over the person’s own working days', () => {
    const partTime = employee({ weeklyHours: 24, workingDays: [1, 2, 3] });
    const scenario: Scenario = {
      employees: [partTime],
      holidayCalendars: [{ code: 'DE-BE', name: 'Berlin', dates: [{ date: '2027-03-05', name: 'Friday' }] }],
    };
    expect(hoursIn('2027-03-01', scenario)).toBe(24); // a Friday holiday is not a working day for them
    scenario.holidayCalendars![0].dates.push({ date: '2027-03-02', name: 'Tuesday' });
    expect(hoursIn('2027-03-01', scenario)).toBe(16);
  });

  it('subtracts only the hoursPerDay of partial-day PTO', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-02', hoursPerDay: 4, status: 'approved', updatedAt: ts }],
    };
    expect(hoursIn('2027-03-01', scenario)).toBe(32);
  });

  it('adds deductions up but never lets a day go below zero', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-01', hoursPerDay: 6, status: 'approved', updatedAt: ts }],
      assignments: [
        { id: 'a1', employeeId: 'e1', projectId: 'P', start: '2027-03-01', rollOffDate: '2027-03-02', hoursPerWeek: 20, billable: true, updatedAt: ts },
      ],
    };
    // Monday: 8 − 6 − 4 → 0 (not −2); Tuesday: 8 − 4 = 4; Wednesday-Friday: 24.
    expect(hoursIn('2027-03-01', scenario)).toBe(28);
  });

  it('subtracts requested PTO only when asked to', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-01', status: 'requested', updatedAt: ts }],
    };
    expect(hoursIn('2027-03-01', scenario, false)).toBe(40);
    expect(hoursIn('2027-03-01', scenario, true)).toBe(32);
  });

  it('ignores cancelled PTO even when requested PTO counts', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-05', status: 'cancelled', updatedAt: ts }],
    };
    expect(hoursIn('2027-03-01', scenario, true)).toBe(40);
  });

  it('uses the latest version of a PTO record', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [
        { id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-05', status: 'approved', updatedAt: '2026-02-01T00:00:00Z' },
        { id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-05', status: 'cancelled', updatedAt: '2026-03-01T00:00:00Z' },
      ],
    };
    expect(hoursIn('2027-03-01', scenario)).toBe(40);
  });

  it('reports where a week’s hours went', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-01', status: 'approved', updatedAt: ts }],
      assignments: [
        { id: 'a1', employeeId: 'e1', projectId: 'P', start: '2027-03-01', rollOffDate: '2027-03-31', hoursPerWeek: 10, billable: true, updatedAt: ts },
      ],
    };
    const ctx = calendarContext(scenario);
    expect(weekBreakdown(scenario.employees![0], '2027-03-01', ctx)).toEqual({ scheduled: 40, pto: 8, committed: 8, available: 24 });
  });
});

describe('availabilityMatrix', () => {
  it('has a row per employee sorted by id and a column per horizon week from the snapped Monday', () => {
    const scenario: Scenario = {
      employees: [employee({ id: 'e2', startDate: '2027-03-08' }), employee({ id: 'e1' })],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2027-03-08', end: '2027-03-08', status: 'approved', updatedAt: ts }],
    };
    const matrix = availabilityMatrix(scenario, { from: '2027-03-03', weeks: 2 });
    expect(matrix.weeks).toEqual(['2027-03-01', '2027-03-08']);
    expect(matrix.employeeIds).toEqual(['e1', 'e2']);
    expect([...matrix.hours[0]]).toEqual([40, 32]);
    expect([...matrix.hours[1]]).toEqual([0, 40]);
  });

  it('counts requested PTO only with the countRequestedPto option', () => {
    const scenario: Scenario = {
      employees: [employee()],
      timeOff: [{ id: 't1', employeeId: 'e1', start: '2027-03-01', end: '2027-03-02', status: 'requested', updatedAt: ts }],
    };
    expect([...availabilityMatrix(scenario, { from: '2027-03-01', weeks: 1 }).hours[0]]).toEqual([40]);
    expect([...availabilityMatrix(scenario, { from: '2027-03-01', weeks: 1 }, { countRequestedPto: true }).hours[0]]).toEqual([24]);
  });

  it('reports the hours current assignments take per week', () => {
    const scenario: Scenario = {
      employees: [employee()],
      assignments: [
        { id: 'a1', employeeId: 'e1', projectId: 'P', start: '2027-03-01', rollOffDate: '2027-03-10', hoursPerWeek: 20, billable: true, updatedAt: ts },
      ],
    };
    const matrix = availabilityMatrix(scenario, { from: '2027-03-01', weeks: 2 });
    expect([...matrix.committed[0]]).toEqual([20, 12]);
    expect([...matrix.hours[0]]).toEqual([20, 28]);
  });
});
