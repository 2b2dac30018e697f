/**
 * Available hours per person per ISO week (DESIGN.md §1), built from the rules in rules.ts. A person's
 * calendar is compiled once into day-number spans so a horizon costs a few integer comparisons a day.
 */
import { normalizeScenario } from '../scenario.js';
import type { CurrentAssignment, Employee, Horizon, IsoDate, Scenario, TimeOff } from '../types.js';
import { horizonWeeks, toDayNumber, type DayNumber } from './dates.js';
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
  workingDaysOf,
  type DaySpan,
} from './rules.js';

export interface CalendarOptions {
  countRequestedPto?: boolean;
}

/** What the calendar needs besides the employee: holidays, PTO and current assignments by person. */
export interface CalendarContext {
  holidaysByCalendar: Map<string, Set<DayNumber>>;
  timeOffByEmployee: Map<string, TimeOff[]>;
  assignmentsByEmployee: Map<string, CurrentAssignment[]>;
  countRequestedPto: boolean;
}

/** Where a week's hours went. available = scheduled − pto − committed, each day floored at zero. */
export interface WeekBreakdown {
  scheduled: number; // hoursPerDay over counted days (working, employed, not a holiday)
  pto: number; // PTO hours actually taken from counted days
  committed: number; // current-assignment hours actually taken from counted days
  available: number;
}

interface CompiledPerson {
  dayHours: number;
  workingDays: readonly number[];
  employment: { start?: DayNumber; end?: DayNumber };
  holidays: Set<DayNumber> | undefined;
  pto: (DaySpan & { hours: number })[];
  commitments: (DaySpan & { hours: number })[];
}

function groupBy<T>(records: readonly T[], keyOf: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const key = keyOf(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

export function calendarContext(scenario: Scenario, options: CalendarOptions = {}): CalendarContext {
  const normalized = normalizeScenario(scenario);
  const holidaysByCalendar = new Map<string, Set<DayNumber>>();
  for (const calendar of normalized.holidayCalendars ?? []) {
    const days = new Set<DayNumber>();
    (calendar.dates ?? []).forEach((h, i) => days.add(toDayNumber(h.date, `holidayCalendars[${calendar.code}].dates[${i}].date`)));
    holidaysByCalendar.set(calendar.code, days);
  }
  return {
    holidaysByCalendar,
    timeOffByEmployee: groupBy(normalized.timeOff ?? [], (t) => t.employeeId),
    assignmentsByEmployee: groupBy(normalized.assignments ?? [], (a) => a.employeeId),
    countRequestedPto: options.countRequestedPto ?? false,
  };
}

function compilePerson(employee: Employee, ctx: CalendarContext): CompiledPerson {
  const dayHours = hoursPerDay(employee);
  const workingDays = workingDaysOf(employee);
  const path = `employees[${employee.id}]`;
  const pto = (ctx.timeOffByEmployee.get(employee.id) ?? [])
    .filter((t) => ptoCounts(t, ctx.countRequestedPto))
    .map((t) => ({
      start: toDayNumber(t.start, `timeOff[${t.id}].start`),
      end: toDayNumber(t.end, `timeOff[${t.id}].end`),
      hours: ptoHoursPerDay(t, dayHours),
    }));
  const commitments = (ctx.assignmentsByEmployee.get(employee.id) ?? []).map((a) => ({
    start: toDayNumber(a.start, `assignments[${a.id}].start`),
    end: toDayNumber(a.rollOffDate, `assignments[${a.id}].rollOffDate`),
    hours: assignmentHoursPerDay(a, workingDays.length),
  }));
  return {
    dayHours,
    workingDays,
    employment: {
      start: employee.startDate ? toDayNumber(employee.startDate, `${path}.startDate`) : undefined,
      end: employee.endDate ? toDayNumber(employee.endDate, `${path}.endDate`) : undefined,
    },
    holidays: ctx.holidaysByCalendar.get(holidayCalendarCode(employee)),
    pto,
    commitments,
  };
}

function countsAsWorkDay(person: CompiledPerson, day: DayNumber): boolean {
  return isWorkingDay(person.workingDays, day) && isEmployed(person.employment, day) && !isHoliday(person.holidays, day);
}

function addWeek(person: CompiledPerson, monday: DayNumber, into: WeekBreakdown): void {
  for (let day = monday; day < monday + 7; day++) {
    if (!countsAsWorkDay(person, day)) continue;
    const pto = ptoDeduction(person.pto, day);
    const committed = assignmentDeduction(person.commitments, day);
    const available = flooredDayHours(person.dayHours, pto, committed);
    const ptoTaken = Math.min(pto, person.dayHours);
    into.scheduled += person.dayHours;
    into.pto += ptoTaken;
    into.committed += person.dayHours - ptoTaken - available;
    into.available += available;
  }
}

/** Scheduled, PTO, committed and available hours of `employee` in the ISO week starting `week`. */
export function weekBreakdown(employee: Employee, week: IsoDate, ctx: CalendarContext): WeekBreakdown {
  const breakdown = { scheduled: 0, pto: 0, committed: 0, available: 0 };
  addWeek(compilePerson(employee, ctx), toDayNumber(week, 'week'), breakdown);
  return breakdown;
}

/** Available hours of `employee` in the ISO week starting on the Monday `week` (DESIGN.md §1). */
export function availableHours(employee: Employee, week: IsoDate, ctx: CalendarContext): number {
  return weekBreakdown(employee, week, ctx).available;
}

/** Per employee (rows in the scenario's normalized order: by id) × horizon week. */
export interface AvailabilityMatrix {
  weeks: IsoDate[];
  employeeIds: string[];
  hours: Float64Array[]; // hours[person][week] available
  committed: Float64Array[]; // hours[person][week] taken by current assignments
}

export function availabilityMatrix(scenario: Scenario, horizon: Horizon, options: CalendarOptions = {}): AvailabilityMatrix {
  const normalized = normalizeScenario(scenario);
  const ctx = calendarContext(normalized, options);
  const weeks = horizonWeeks(horizon);
  const mondays = weeks.map((w) => toDayNumber(w));
  const employees = normalized.employees ?? [];
  const hours: Float64Array[] = [];
  const committed: Float64Array[] = [];
  for (const employee of employees) {
    const person = compilePerson(employee, ctx);
    const available = new Float64Array(weeks.length);
    const taken = new Float64Array(weeks.length);
    mondays.forEach((monday, w) => {
      const breakdown = { scheduled: 0, pto: 0, committed: 0, available: 0 };
      addWeek(person, monday, breakdown);
      available[w] = breakdown.available;
      taken[w] = breakdown.committed;
    });
    hours.push(available);
    committed.push(taken);
  }
  return { weeks, employeeIds: employees.map((e) => e.id), hours, committed };
}
