/**
 * Available hours per person per ISO week, re-derived from DESIGN.md §1 for the checker:
 * hoursPerDay = weeklyHours / count(workingDays); a day counts on a working weekday, inside employment,
 * when it is not a holiday of the person's calendar; approved PTO (and requested PTO when asked) and
 * current assignments until their roll-off date are subtracted; each day is floored at 0.
 */
import type { Employee } from '../types.js';
import { dayNumber, isoWeekday } from './dates.js';
import type { ScenarioView } from './scenarioView.js';

interface DayRange {
  first: number;
  last: number;
  hoursPerDay: number; // hours this range removes from each counted day it covers
}

/** Everything needed to value one person's days, precomputed once. */
export interface PersonCalendar {
  employeeId: string;
  workingDays: Set<number>;
  hoursPerDay: number;
  firstDay: number; // startDate, or -Infinity
  lastDay: number; // endDate, or +Infinity
  holidays: Set<number>;
  deductions: DayRange[]; // PTO and current assignments
}

const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];

/**
 * The person's holiday calendar: `holidayCalendar`, else the calendar whose code is their location. A code
 * naming no calendar gives no holidays, as in the solver.
 */
export function holidayCalendarCode(employee: Employee): string {
  return employee.holidayCalendar ?? employee.location;
}

/** Holiday day numbers of a calendar code, parsed once per code (empty for a code naming no calendar). */
function holidayDays(view: ScenarioView, code: string, cache?: Map<string, Set<number>>): Set<number> {
  let days = cache?.get(code);
  if (!days) {
    days = new Set((view.calendars.get(code)?.dates ?? []).map((holiday) => dayNumber(holiday.date)));
    cache?.set(code, days);
  }
  return days;
}

export function personCalendar(view: ScenarioView, employee: Employee, countRequestedPto: boolean, holidayCache?: Map<string, Set<number>>): PersonCalendar {
  const workingDays = new Set(employee.workingDays ?? DEFAULT_WORKING_DAYS);
  const weeklyHours = employee.weeklyHours ?? 40;
  // A person with no working day has no hours here (avoids dividing by zero); the scenario rules report
  // the empty list as a violation, since the solver rejects such a person.
  const hoursPerDay = workingDays.size > 0 ? weeklyHours / workingDays.size : 0;
  const ptoCounts = (status: string) => status === 'approved' || (countRequestedPto && status === 'requested');
  const pto: DayRange[] = (view.timeOffByEmployee.get(employee.id) ?? [])
    .filter((entry) => ptoCounts(entry.status))
    .map((entry) => ({
      first: dayNumber(entry.start),
      last: dayNumber(entry.end),
      hoursPerDay: entry.hoursPerDay ?? hoursPerDay,
    }));
  const commitments: DayRange[] = (view.assignmentsByEmployee.get(employee.id) ?? []).map((assignment) => ({
      first: dayNumber(assignment.start),
      last: dayNumber(assignment.rollOffDate),
      hoursPerDay: workingDays.size > 0 ? assignment.hoursPerWeek / workingDays.size : 0,
    }));
  return {
    employeeId: employee.id,
    workingDays,
    hoursPerDay,
    firstDay: employee.startDate ? dayNumber(employee.startDate) : Number.NEGATIVE_INFINITY,
    lastDay: employee.endDate ? dayNumber(employee.endDate) : Number.POSITIVE_INFINITY,
    holidays: holidayDays(view, holidayCalendarCode(employee), holidayCache),
    deductions: [...pto, ...commitments],
  };
}

/** Whether the day counts at all: a working weekday, inside employment, not a holiday. */
export function isCountedDay(person: PersonCalendar, day: number): boolean {
  return (
    person.workingDays.has(isoWeekday(day)) &&
    day >= person.firstDay &&
    day <= person.lastDay &&
    !person.holidays.has(day)
  );
}

/** Hours of one day after PTO and commitments, never below 0. */
export function dayAvailableHours(person: PersonCalendar, day: number): number {
  if (!isCountedDay(person, day)) return 0;
  let hours = person.hoursPerDay;
  for (const deduction of person.deductions) {
    if (deduction.first <= day && day <= deduction.last) hours -= deduction.hoursPerDay;
  }
  return Math.max(0, hours);
}

/** Available hours of the ISO week starting on the given Monday (day number). */
export function weekAvailableHours(person: PersonCalendar, monday: number): number {
  let hours = 0;
  for (let offset = 0; offset < 7; offset += 1) hours += dayAvailableHours(person, monday + offset);
  return hours;
}

/** Available hours of every employee in every given week, keyed by employee id. */
export function availableHoursByEmployee(
  view: ScenarioView,
  mondays: readonly number[],
  countRequestedPto: boolean,
): Map<string, number[]> {
  const available = new Map<string, number[]>();
  const holidayCache = new Map<string, Set<number>>();
  for (const employee of view.employees) {
    const person = personCalendar(view, employee, countRequestedPto, holidayCache);
    available.set(employee.id, mondays.map((monday) => weekAvailableHours(person, monday)));
  }
  return available;
}
