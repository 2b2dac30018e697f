/**
 * Loads a scenario into the shape every solver step relies on (DESIGN.md §3): one record per id (the
 * latest `updatedAt` wins, ties go to the later record), one catalog entry per natural key (the later
 * one replaces the earlier whole), collections sorted by key so results never depend on input order,
 * and the employee defaults filled in (40 weekly hours, Monday-Friday).
 */
import { DateTime } from 'luxon';
import { ScenarioError } from './errors.js';
import type { Employee, Scenario } from './types.js';

export { ScenarioError } from './errors.js';

export const DEFAULT_WEEKLY_HOURS = 40;
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

const NORMALIZED = Symbol('staffplan.normalizedScenario');

/** Milliseconds of an ISO-8601 time; a missing or unreadable time sorts before every real one. */
function updatedAtMillis(updatedAt: unknown): number {
  if (typeof updatedAt !== 'string') return -Infinity;
  // Date.parse reads the ISO-8601 date-time form exactly (offsets included) and is ~50× faster than a
  // luxon parse, which matters for 10,000s of records; luxon handles the rare ISO forms it does not.
  const fast = Date.parse(updatedAt);
  if (!Number.isNaN(fast)) return fast;
  const dt = DateTime.fromISO(updatedAt, { setZone: true });
  return dt.isValid ? dt.toMillis() : -Infinity;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One record per id: the latest `updatedAt`, the later record on a tie. Sorted by id. */
export function latestById<T extends { id: string; updatedAt?: string }>(records: readonly T[] | undefined): T[] {
  const kept = new Map<string, { record: T; at: number }>();
  for (const record of records ?? []) {
    const at = updatedAtMillis(record.updatedAt);
    const current = kept.get(record.id);
    if (!current || at >= current.at) kept.set(record.id, { record, at });
  }
  return [...kept.values()].map((entry) => entry.record).sort((a, b) => compareKeys(a.id, b.id));
}

/** One catalog entry per natural key, the later one replacing the earlier whole. Sorted by key. */
export function latestByKey<T>(entries: readonly T[] | undefined, keyOf: (entry: T) => string): T[] {
  const kept = new Map<string, T>();
  for (const entry of entries ?? []) kept.set(keyOf(entry), entry);
  return [...kept.entries()].sort((a, b) => compareKeys(a[0], b[0])).map(([, entry]) => entry);
}

function normalizeWorkingDays(employee: Employee, path: string): number[] {
  const days = employee.workingDays ?? DEFAULT_WORKING_DAYS;
  if (!Array.isArray(days) || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new ScenarioError(`${path}.workingDays`, 'expected ISO weekdays 1-7');
  }
  const unique = [...new Set(days)].sort((a, b) => a - b);
  if (unique.length === 0) throw new ScenarioError(`${path}.workingDays`, 'a person needs at least one working day');
  return unique;
}

/** An employee with `weeklyHours`, `workingDays` and `skills` always present and checked. */
export function withEmployeeDefaults(employee: Employee, path = `employees[${employee.id}]`): Employee {
  const weeklyHours = employee.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
  if (!Number.isFinite(weeklyHours) || weeklyHours < 0) {
    throw new ScenarioError(`${path}.weeklyHours`, `expected hours ≥ 0, got ${weeklyHours}`);
  }
  if (!Number.isFinite(employee.costRate)) {
    throw new ScenarioError(`${path}.costRate`, `expected a number, got ${JSON.stringify(employee.costRate)}`);
  }
  return {
    ...employee,
    weeklyHours,
    workingDays: normalizeWorkingDays(employee, path),
    skills: employee.skills ?? [],
  };
}

function rateCardKey(card: { skill: string; level: number; currency: string }): string {
  return `${card.skill}\u0000${String(card.level).padStart(3, '0')}\u0000${card.currency}`;
}

/**
 * The scenario deduplicated, sorted and with defaults (idempotent: normalizing a normalized scenario
 * returns it unchanged and costs nothing).
 */
export function normalizeScenario(scenario: Scenario): Scenario {
  if ((scenario as Record<symbol, unknown>)[NORMALIZED]) return scenario;
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) {
    throw new ScenarioError('scenario', 'expected a JSON object with the scenario collections');
  }
  const normalized: Scenario = {
    employees: latestById(scenario.employees).map((e) => withEmployeeDefaults(e, `employees[${e.id}]`)),
    timeOff: latestById(scenario.timeOff),
    assignments: latestById(scenario.assignments),
    holidayCalendars: latestByKey(scenario.holidayCalendars, (c) => c.code),
    accounts: latestById(scenario.accounts),
    opportunities: latestById(scenario.opportunities),
    leadForecasts: latestById(scenario.leadForecasts),
    projectTypes: latestByKey(scenario.projectTypes, (t) => t.code),
    skills: latestByKey(scenario.skills, (s) => s.code),
    rateCards: latestByKey(scenario.rateCards, rateCardKey),
    exchangeRates: latestByKey(scenario.exchangeRates, (r) => r.currency),
    ...(scenario.hiringPolicy ? { hiringPolicy: scenario.hiringPolicy } : {}),
  };
  Object.defineProperty(normalized, NORMALIZED, { value: true, enumerable: false });
  return normalized;
}
