/**
 * The capacity rules of DESIGN.md §1, one function per rule. A day's available hours are
 * `max(0, hoursPerDay − PTO − current assignments)` when the day counts, else 0.
 */
import { DEFAULT_WEEKLY_HOURS, DEFAULT_WORKING_DAYS } from '../scenario.js';
import type { CurrentAssignment, Employee, TimeOff } from '../types.js';
import { isoWeekday, type DayNumber } from './dates.js';

/** An inclusive span of days. */
export interface DaySpan {
  start: DayNumber;
  end: DayNumber;
}

/**
 * The person's working days (default Monday-Friday when absent). An empty list never gets here:
 * normalizeScenario rejects it (ScenarioError), and the checker reports it as a violation.
 */
export function workingDaysOf(employee: Employee): readonly number[] {
  return employee.workingDays ?? DEFAULT_WORKING_DAYS;
}

/** weeklyHours (default 40) spread evenly over the working days. */
export function hoursPerDay(employee: Employee): number {
  return (employee.weeklyHours ?? DEFAULT_WEEKLY_HOURS) / workingDaysOf(employee).length;
}

/** The day's ISO weekday is one of the person's working days. */
export function isWorkingDay(workingDays: readonly number[], day: DayNumber): boolean {
  return workingDays.includes(isoWeekday(day));
}

/** startDate ≤ day ≤ endDate, each bound only when given. */
export function isEmployed(employment: { start?: DayNumber; end?: DayNumber }, day: DayNumber): boolean {
  return (employment.start === undefined || day >= employment.start) && (employment.end === undefined || day <= employment.end);
}

/**
 * The person's holiday calendar: `holidayCalendar`, else the calendar whose code equals the location.
 * A code naming no calendar of the scenario gives no holidays at all (not an error, so a location the
 * firm keeps no calendar for still plans); the checker reads it the same way (fixtures/README.md).
 */
export function holidayCalendarCode(employee: Employee): string {
  return employee.holidayCalendar ?? employee.location;
}

export function isHoliday(holidays: ReadonlySet<DayNumber> | undefined, day: DayNumber): boolean {
  return holidays !== undefined && holidays.has(day);
}

/** Approved PTO always counts, requested PTO only when asked, cancelled PTO never. */
export function ptoCounts(timeOff: Pick<TimeOff, 'status'>, countRequestedPto: boolean): boolean {
  return timeOff.status === 'approved' || (countRequestedPto && timeOff.status === 'requested');
}

/** Hours one PTO record removes from a counted day: its hoursPerDay, or the whole day when absent. */
export function ptoHoursPerDay(timeOff: Pick<TimeOff, 'hoursPerDay'>, dayHours: number): number {
  return timeOff.hoursPerDay ?? dayHours;
}

/** Sum of the PTO covering `day` (spans already filtered by ptoCounts and priced by ptoHoursPerDay). */
export function ptoDeduction(spans: readonly (DaySpan & { hours: number })[], day: DayNumber): number {
  let hours = 0;
  for (const span of spans) if (day >= span.start && day <= span.end) hours += span.hours;
  return hours;
}

/** Hours a current assignment takes from each working day: hoursPerWeek / count(workingDays). */
export function assignmentHoursPerDay(assignment: Pick<CurrentAssignment, 'hoursPerWeek'>, workingDayCount: number): number {
  return assignment.hoursPerWeek / workingDayCount;
}

/** Sum over current assignments with start ≤ day ≤ rollOffDate. */
export function assignmentDeduction(spans: readonly (DaySpan & { hours: number })[], day: DayNumber): number {
  let hours = 0;
  for (const span of spans) if (day >= span.start && day <= span.end) hours += span.hours;
  return hours;
}

/** Deductions add up, and a day never goes below zero. */
export function flooredDayHours(dayHours: number, pto: number, committed: number): number {
  return Math.max(0, dayHours - pto - committed);
}
