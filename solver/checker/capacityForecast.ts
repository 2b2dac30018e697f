/**
 * Checks a capacity forecast (DESIGN.md §7): coverable ≤ expected demand ≤ demand, gap = expected −
 * coverable, demand per skill and week equal to the planned lines' demand (Σ over location rows, so
 * moving covered location-free demand to the covering people's row preserves it), capacity never
 * counting a person twice: Σ capacity over skills per (location, week) ≤ Σ available hours of the people
 * there, and rows comparable per location: coverable ≤ capacity in every located row, while a `*` row
 * ("unplaced: no location required and not coverable anywhere") has neither capacity nor coverable hours.
 */
import type { CapacityForecast, CapacityForecastRow, Scenario } from '../types.js';
import { availableHoursByEmployee } from './availability.js';
import { dayNumber, horizonMondays, isoDate } from './dates.js';
import { type CheckResult, fmt, HOURS_TOLERANCE } from './context.js';
import { expectedLines } from './lines.js';
import { checkHorizon, isReadableHorizon } from './planRules.js';
import { scenarioView, type ScenarioView } from './scenarioView.js';

const tolerance = (hours: number) => HOURS_TOLERANCE * Math.max(1, Math.abs(hours));
const label = (row: CapacityForecastRow) => `${row.skill} in ${row.location} ${row.week}`;

/** Numbers are finite and non-negative; coverable ≤ expected ≤ demand; gap = expected − coverable. */
export function checkForecastRowArithmetic(rows: readonly CapacityForecastRow[], what: string): string[] {
  const violations: string[] = [];
  for (const row of rows) {
    for (const field of ['capacityHours', 'demandHours', 'expectedDemandHours', 'coverableHours'] as const) {
      if (!(Number.isFinite(row[field]) && row[field] >= -HOURS_TOLERANCE)) violations.push(`${what}: ${label(row)} ${field} is ${row[field]}`);
    }
    if (row.coverableHours > row.expectedDemandHours + tolerance(row.expectedDemandHours)) {
      violations.push(`${what}: ${label(row)} covers ${fmt(row.coverableHours)} h of only ${fmt(row.expectedDemandHours)} expected demand hours`);
    }
    if (row.expectedDemandHours > row.demandHours + tolerance(row.demandHours)) {
      violations.push(`${what}: ${label(row)} expects ${fmt(row.expectedDemandHours)} h, more than its ${fmt(row.demandHours)} demand hours`);
    }
    const gap = row.expectedDemandHours - row.coverableHours;
    if (!(Math.abs(row.gapHours - gap) <= tolerance(gap))) violations.push(`${what}: ${label(row)} gap is ${fmt(row.gapHours)} h, expected ${fmt(gap)} h`);
  }
  return violations;
}

/** The location of rows holding demand nobody can cover and no location requires. */
export const UNPLACED_LOCATION = '*';

/**
 * Located rows cover only with hours counted as their own capacity (coverable ≤ capacity); `*` rows are
 * unplaced demand: capacity 0 and coverable 0, all of it gap.
 */
export function checkCoverableWithinCapacity(rows: readonly CapacityForecastRow[], what: string): string[] {
  const violations: string[] = [];
  for (const row of rows) {
    if (row.location === UNPLACED_LOCATION) {
      if (row.capacityHours > HOURS_TOLERANCE || row.coverableHours > HOURS_TOLERANCE) {
        violations.push(`${what}: ${label(row)} is unplaced demand but shows ${fmt(row.capacityHours)} h capacity and ${fmt(row.coverableHours)} h coverable (covered hours belong in the covering people's location row)`);
      }
    } else if (row.coverableHours > row.capacityHours + tolerance(row.capacityHours)) {
      violations.push(`${what}: ${label(row)} covers ${fmt(row.coverableHours)} h with only ${fmt(row.capacityHours)} h capacity there`);
    }
  }
  return violations;
}

/** Available hours of the people of each location, summed per horizon week: `location|week` → hours. */
function availableByLocationWeek(view: ScenarioView, mondays: number[], countRequestedPto: boolean): Map<string, number> {
  const available = availableHoursByEmployee(view, mondays, countRequestedPto);
  const sums = new Map<string, number>();
  for (const employee of view.employees) {
    available.get(employee.id)!.forEach((hours, index) => {
      const key = `${employee.location}|${isoDate(mondays[index]!)}`;
      sums.set(key, (sums.get(key) ?? 0) + hours);
    });
  }
  return sums;
}

/** Σ capacity over skills per (location, period) ≤ the hours the people there have in that period. */
export function checkNoDoubleCounting(rows: readonly CapacityForecastRow[], limitOf: (location: string, period: string) => number, what: string): string[] {
  const capacity = new Map<string, number>();
  for (const row of rows) capacity.set(`${row.location}|${row.week}`, (capacity.get(`${row.location}|${row.week}`) ?? 0) + row.capacityHours);
  const violations: string[] = [];
  for (const [key, hours] of [...capacity].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [location, period] = key.split('|') as [string, string];
    const limit = limitOf(location, period);
    if (hours > limit + tolerance(limit)) {
      violations.push(`${what}: capacity in ${location} ${period} sums to ${fmt(hours)} h over skills but its people have only ${fmt(limit)} h available (counted twice?)`);
    }
  }
  return violations;
}

/** Horizon weeks overlapping the month that starts on `monthStart` (either week-to-month convention fits). */
function weeksTouchingMonth(mondays: number[], monthStart: string): number[] {
  const first = dayNumber(monthStart);
  const [year, month] = monthStart.split('-').map(Number) as [number, number];
  const last = Date.UTC(year, month, 1) / 86_400_000 - 1;
  return mondays.filter((monday) => monday + 6 >= first && monday <= last);
}

/** Without lead forecasts, Σ demand over locations per (skill, week) equals the planned lines' demand. */
export function checkWeeklyDemand(view: ScenarioView, mondays: number[], forecast: CapacityForecast): string[] {
  const lines = expectedLines(view, mondays, { minProbability: forecast.options.minProbability ?? 0 });
  const want = new Map<string, { demand: number; expected: number }>();
  for (const line of lines) {
    for (const week of line.weeks) {
      const entry = want.get(`${line.skill}|${week}`) ?? { demand: 0, expected: 0 };
      entry.demand += line.hoursPerWeek * line.headcount;
      entry.expected += line.hoursPerWeek * line.headcount * line.probability;
      want.set(`${line.skill}|${week}`, entry);
    }
  }
  const got = new Map<string, { demand: number; expected: number }>();
  for (const row of forecast.rows) {
    const entry = got.get(`${row.skill}|${row.week}`) ?? { demand: 0, expected: 0 };
    entry.demand += row.demandHours;
    entry.expected += row.expectedDemandHours;
    got.set(`${row.skill}|${row.week}`, entry);
  }
  const violations: string[] = [];
  for (const key of [...new Set([...want.keys(), ...got.keys()])].sort()) {
    const [skill, week] = key.split('|') as [string, string];
    const expected = want.get(key) ?? { demand: 0, expected: 0 };
    const actual = got.get(key) ?? { demand: 0, expected: 0 };
    if (!(Math.abs(actual.demand - expected.demand) <= tolerance(expected.demand)) || !(Math.abs(actual.expected - expected.expected) <= tolerance(expected.expected))) {
      violations.push(`demand: ${skill} week ${week} has ${fmt(actual.demand)} h (expected ${fmt(actual.expected)}) over locations, the lines demand ${fmt(expected.demand)} h (expected ${fmt(expected.expected)})`);
    }
  }
  return violations;
}

export function checkCapacityForecast(scenario: Scenario, forecast: CapacityForecast): CheckResult {
  const horizonViolations = checkHorizon(forecast.horizon);
  if (!isReadableHorizon(forecast.horizon)) return { ok: false, violations: horizonViolations };
  const view = scenarioView(scenario);
  const mondays = horizonMondays(forecast.horizon.from, forecast.horizon.weeks);
  const weekly = availableByLocationWeek(view, mondays, forecast.options.countRequestedPto === true);
  const monthly = (location: string, monthStart: string) =>
    weeksTouchingMonth(mondays, monthStart).reduce((sum, monday) => sum + (weekly.get(`${location}|${isoDate(monday)}`) ?? 0), 0);
  const byMonth = forecast.options.bucket === 'month';
  const violations = [...horizonViolations, ...checkForecastRowArithmetic(forecast.rows, 'rows'), ...checkCoverableWithinCapacity(forecast.rows, 'rows')];
  violations.push(...checkNoDoubleCounting(forecast.rows, byMonth ? monthly : (location, week) => weekly.get(`${location}|${week}`) ?? 0, 'rows'));
  if (forecast.months) {
    violations.push(...checkForecastRowArithmetic(forecast.months, 'months'), ...checkCoverableWithinCapacity(forecast.months, 'months'));
    violations.push(...checkNoDoubleCounting(forecast.months, monthly, 'months'));
  }
  if (!byMonth) {
    const weeks = new Set(mondays.map(isoDate));
    for (const row of forecast.rows) if (!weeks.has(row.week)) violations.push(`rows: ${label(row)}: ${row.week} is not a horizon week`);
    if (!forecast.options.includeLeadForecasts) violations.push(...checkWeeklyDemand(view, mondays, forecast));
  }
  return { ok: violations.length === 0, violations };
}
