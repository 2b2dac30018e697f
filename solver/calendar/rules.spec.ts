import { describe, expect, it } from '@jest/globals';
import type { Employee } from '../types.js';
import { horizonWeeks, isoWeekday, mondayOf, normalizeHorizon, toDayNumber, toIsoDate, weekOf } from './dates.js';
import {
  assignmentDeduction,
  assignmentHoursPerDay,
  flooredDayHours,
  holidayCalendarCode,
  hoursPerDay,
  isEmployed,
  isHoliday,
  isWorkingDay,
  ptoCounts,
  ptoDeduction,
  ptoHoursPerDay,
} from './rules.js';

const day = (date: string) => toDayNumber(date);
const base = { id: 'e', name: 'E', location: 'DE-BE', timeZone: 'Europe/Berlin', costRate: 1, currency: 'EUR', skills: [], updatedAt: 'x' } as Employee;

describe('calendar rules', () => {
  it('spreads weeklyHours (default 40) over the working days (default Monday-Friday)', () => {
    expect(hoursPerDay(base)).toBe(8);
    expect(hoursPerDay({ ...base, weeklyHours: 24, workingDays: [1, 2, 3] })).toBe(8);
  });

  it('counts a day only on the person’s ISO working weekdays', () => {
    expect(isWorkingDay([1, 2, 3, 4, 5], day('2027-03-05'))).toBe(true); // Friday
    expect(isWorkingDay([1, 2, 3, 4, 5], day('2027-03-06'))).toBe(false); // Saturday
    expect(isWorkingDay([6, 7], day('2027-03-07'))).toBe(true); // Sunday
  });

  it('counts a day only within startDate..endDate, each bound inclusive and optional', () => {
    const employment = { start: day('2027-03-03'), end: day('2027-03-05') };
    expect(isEmployed(employment, day('2027-03-02'))).toBe(false);
    expect(isEmployed(employment, day('2027-03-03'))).toBe(true);
    expect(isEmployed(employment, day('2027-03-05'))).toBe(true);
    expect(isEmployed(employment, day('2027-03-06'))).toBe(false);
    expect(isEmployed({}, day('1999-01-01'))).toBe(true);
  });

  it('takes holidayCalendar, else the calendar whose code is the location', () => {
    expect(holidayCalendarCode(base)).toBe('DE-BE');
    expect(holidayCalendarCode({ ...base, holidayCalendar: 'DE' })).toBe('DE');
    expect(isHoliday(new Set([day('2027-03-03')]), day('2027-03-03'))).toBe(true);
    expect(isHoliday(undefined, day('2027-03-03'))).toBe(false);
  });

  it('subtracts approved PTO, requested only when asked, cancelled never', () => {
    expect(ptoCounts({ status: 'approved' }, false)).toBe(true);
    expect(ptoCounts({ status: 'requested' }, false)).toBe(false);
    expect(ptoCounts({ status: 'requested' }, true)).toBe(true);
    expect(ptoCounts({ status: 'cancelled' }, true)).toBe(false);
  });

  it('prices PTO at its hoursPerDay or the whole day, and adds overlapping PTO up', () => {
    expect(ptoHoursPerDay({ hoursPerDay: 3 }, 8)).toBe(3);
    expect(ptoHoursPerDay({}, 8)).toBe(8);
    const spans = [{ start: day('2027-03-01'), end: day('2027-03-03'), hours: 3 }, { start: day('2027-03-03'), end: day('2027-03-03'), hours: 2 }];
    expect(ptoDeduction(spans, day('2027-03-03'))).toBe(5);
    expect(ptoDeduction(spans, day('2027-03-04'))).toBe(0);
  });

  it('takes hoursPerWeek / count(workingDays) for each assignment running from start to roll-off', () => {
    expect(assignmentHoursPerDay({ hoursPerWeek: 20 }, 4)).toBe(5);
    const spans = [{ start: day('2027-03-01'), end: day('2027-03-03'), hours: 5 }, { start: day('2027-03-02'), end: day('2027-03-10'), hours: 2 }];
    expect(assignmentDeduction(spans, day('2027-03-01'))).toBe(5);
    expect(assignmentDeduction(spans, day('2027-03-03'))).toBe(7);
    expect(assignmentDeduction(spans, day('2027-03-04'))).toBe(2);
  });

  it('never lets a day go below zero', () => {
    expect(flooredDayHours(8, 6, 4)).toBe(0);
    expect(flooredDayHours(8, 2, 4)).toBe(2);
  });
});

describe('dates', () => {
  it('names a week by its Monday and snaps a horizon back to it', () => {
    expect(isoWeekday(day('2027-03-07'))).toBe(7);
    expect(toIsoDate(mondayOf(day('2027-03-07')))).toBe('2027-03-01');
    expect(weekOf('2027-01-01')).toBe('2026-12-28');
    expect(normalizeHorizon({ from: '2027-03-07', weeks: 2 })).toEqual({ from: '2027-03-01', weeks: 2 });
    expect(horizonWeeks({ from: '2026-12-30', weeks: 2 })).toEqual(['2026-12-28', '2027-01-04']);
  });

  it('rejects text that is not a real date, naming the field', () => {
    expect(() => toDayNumber('2027-02-30', 'timeOff[t1].start')).toThrow(/timeOff\[t1\]\.start: expected a date/);
    expect(() => normalizeHorizon({ from: '2027-03-01', weeks: 0 })).toThrow(/horizon\.weeks/);
  });
});
