/**
 * The scenario as the rules see it: duplicate source records resolved (latest `updatedAt` wins, DESIGN
 * §3), catalogs keyed by their natural key (a later entry replaces an earlier one whole).
 */
import type {
  CurrentAssignment,
  Employee,
  ExchangeRate,
  HolidayCalendar,
  Opportunity,
  ProjectType,
  RateCard,
  Scenario,
  TimeOff,
} from '../types.js';

export interface ScenarioView {
  employees: Employee[]; // sorted by id
  employeesById: Map<string, Employee>;
  timeOff: TimeOff[];
  assignments: CurrentAssignment[];
  /** Time off and current assignments grouped by employee id, so a person's calendar never scans everyone's. */
  timeOffByEmployee: Map<string, TimeOff[]>;
  assignmentsByEmployee: Map<string, CurrentAssignment[]>;
  opportunities: Opportunity[];
  calendars: Map<string, HolidayCalendar>;
  projectTypes: Map<string, ProjectType>;
  rateCards: RateCard[];
  exchangeRates: ExchangeRate[];
}

function updatedAtMillis(updatedAt: string): number {
  const millis = Date.parse(updatedAt);
  return Number.isNaN(millis) ? Number.NEGATIVE_INFINITY : millis;
}

/**
 * One record per id: the one with the latest `updatedAt`; on a tie the later one in the input wins,
 * as an upsert of an equally recent record is applied. Sorted by id for deterministic messages.
 */
export function latestById<T extends { id: string; updatedAt: string }>(records: readonly T[] = []): T[] {
  const latest = new Map<string, T>();
  for (const record of records) {
    const stored = latest.get(record.id);
    if (!stored || updatedAtMillis(record.updatedAt) >= updatedAtMillis(stored.updatedAt)) latest.set(record.id, record);
  }
  return [...latest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Catalog entries keyed by a natural key: a later entry replaces an earlier one. */
export function lastByKey<T>(entries: readonly T[] = [], key: (entry: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const entry of entries) byKey.set(key(entry), entry);
  return byKey;
}

/** Records grouped by their employeeId, in input order. */
export function groupByEmployee<T extends { employeeId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.employeeId);
    if (group) group.push(record);
    else groups.set(record.employeeId, [record]);
  }
  return groups;
}

export function scenarioView(scenario: Scenario): ScenarioView {
  // A person sent without skills holds none (the rules read `skills` everywhere).
  const employees = latestById(scenario.employees).map((employee) => (Array.isArray(employee.skills) ? employee : { ...employee, skills: [] }));
  const timeOff = latestById(scenario.timeOff);
  const assignments = latestById(scenario.assignments);
  return {
    employees,
    employeesById: new Map(employees.map((employee) => [employee.id, employee])),
    timeOff,
    assignments,
    timeOffByEmployee: groupByEmployee(timeOff),
    assignmentsByEmployee: groupByEmployee(assignments),
    opportunities: latestById(scenario.opportunities),
    calendars: lastByKey(scenario.holidayCalendars, (calendar) => calendar.code),
    projectTypes: lastByKey(scenario.projectTypes, (type) => type.code),
    rateCards: [...lastByKey(scenario.rateCards, (card) => `${card.skill}|${card.level}|${card.currency}`).values()],
    exchangeRates: [...lastByKey(scenario.exchangeRates, (rate) => rate.currency).values()],
  };
}
