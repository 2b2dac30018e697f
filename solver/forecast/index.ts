/**
 * Capacity forecast (DESIGN.md §2, §6, §7): per skill × location × week, and per month, how many hours
 * the firm has, how many the pipeline asks for and how much of that it can cover.
 *
 * Definitions (all hours):
 * - capacityHours: the available hours the weekly flow LP allots to the skill from people at the
 *   location who hold it — their flow into that skill's demand, plus each group's hours left after the
 *   flow, counted under its primary skill (highest level, first listed on a tie). Each person's hours
 *   are therefore counted exactly once: Σ capacity over skills = the available hours of the people
 *   there who hold any skill.
 * - demandHours / expectedDemandHours: raw and probability-weighted hours of the lines in the week.
 *   On-site demand sits in the line's location row. Demand anyone may cover (no location, or
 *   remoteAllowed) is placed where it is covered: the part a supply group covers goes to that group's
 *   location row (its expected hours = the flow; its raw hours in the class's raw/expected ratio); only
 *   the uncovered remainder stays in the line's location row, or — for a line naming no location — in
 *   a row with location `*` = "unplaced: no location required and not coverable anywhere" (capacity and
 *   coverable 0 there). So per row coverable ≤ capacity wherever capacity is meaningful, and Σ over
 *   rows of every measure per skill and week is what it would be with all demand in one row.
 * - coverableHours: the expected demand the flow covers; gapHours = expected − coverable.
 * - committedHours: hours current assignments take from holders of the skill (each skill they hold).
 * - supplyHours: holders' available + committed hours (each skill they hold; not split).
 * Headcount and per-line weekly caps are aggregate-level details a forecast leaves to the staffing plan.
 */
import { availabilityMatrix } from '../calendar/availability.js';
import { monthOf, normalizeHorizon } from '../calendar/dates.js';
import { checkCapacityForecast } from '../checker/index.js';
import { demandLines } from '../demand/lines.js';
import { crmHorizonWeeksOf, projectedDemandLines } from '../demand/projected.js';
import { normalizeScenario } from '../scenario.js';
import type { BackendName, CapacityForecast, CapacityForecastRow, Horizon, PlanLine, Progress, Scenario, SolveStatus } from '../types.js';
import { solveWeekFlow } from './flow.js';
import { ANY_LOCATION, demandClasses, eligibleArcs, supplyGroups, type DemandClass, type SupplyGroup } from './network.js';
import { ForecastCheckError } from './check-error.js';

export { ANY_LOCATION, primarySkill } from './network.js';
export { ForecastCheckError } from './check-error.js';

export interface ForecastOptions {
  minProbability?: number;
  countRequestedPto?: boolean;
  bucket?: 'week' | 'month';
  includeLeadForecasts?: boolean;
  /** Weeks from horizon.from that belong to the CRM pipeline (default 13): MAS demand counts only after them. */
  crmHorizonWeeks?: number;
  backend?: BackendName | 'auto';
  timeLimitSeconds?: number;
  onProgress?: (progress: Progress) => void;
  shouldStop?: () => boolean;
}

const FIELDS = ['capacityHours', 'demandHours', 'expectedDemandHours', 'coverableHours', 'committedHours', 'supplyHours'] as const;
type Field = (typeof FIELDS)[number];
type RowSeries = Record<Field, Float64Array>;

class RowTable {
  readonly series = new Map<string, RowSeries>();
  constructor(private readonly weeks: number) {}
  at(skill: string, location: string): RowSeries {
    const key = `${skill}\u0000${location}`;
    let row = this.series.get(key);
    if (!row) {
      row = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(this.weeks)])) as RowSeries;
      this.series.set(key, row);
    }
    return row;
  }
}

/** Raw and expected demand per class per week. */
function classDemand(classes: DemandClass[], lines: PlanLine[], weekIndex: Map<string, number>, weeks: number) {
  const raw = classes.map(() => new Float64Array(weeks));
  const expected = classes.map(() => new Float64Array(weeks));
  classes.forEach((demand, c) => {
    for (const j of demand.lines) {
      const line = lines[j];
      for (const week of line.weeks) {
        const w = weekIndex.get(week)!;
        raw[c][w] += line.hoursPerWeek * line.headcount;
        expected[c][w] += line.hoursPerWeek * line.headcount * line.probability;
      }
    }
  });
  return { raw, expected };
}

function addSupplySide(table: RowTable, groups: SupplyGroup[], hours: Float64Array[], committed: Float64Array[], w: number): Float64Array {
  const supply = new Float64Array(groups.length);
  groups.forEach((group, g) => {
    let taken = 0;
    for (const m of group.members) {
      supply[g] += hours[m][w];
      taken += committed[m][w];
    }
    for (const skill of group.skills) {
      const row = table.at(skill, group.location);
      row.committedHours[w] += taken;
      row.supplyHours[w] += supply[g] + taken;
    }
  });
  return supply;
}

/** Demand anyone may cover (no location, or remoteAllowed) is counted where the people covering it are. */
function coveredWhereSupplied(demandClass: DemandClass): boolean {
  const line = demandClass.representative;
  return line.location === undefined || line.remoteAllowed;
}

const UNPLACED_TOLERANCE = 1e-9;

/**
 * One class's demand in week w into rows. On-site: all of it in the class's row, covered there. Anyone
 * may cover: each covering group's share (expected = its flow, raw in the class's raw/expected ratio) in
 * that group's location row; the uncovered remainder in the class's own row (`*` when it names no
 * location), created only when something is left, so `*` rows exist only for demand nobody can cover.
 */
function placeClassWeek(table: RowTable, c: DemandClass, groups: SupplyGroup[], flows: [number, number][], demand: { raw: number; expected: number }, w: number): void {
  if (!coveredWhereSupplied(c)) {
    const row = table.at(c.skill, c.location);
    row.demandHours[w] += demand.raw;
    row.expectedDemandHours[w] += demand.expected;
    for (const [, hours] of flows) row.coverableHours[w] += hours;
    return;
  }
  const rawPerExpected = demand.expected > 0 ? demand.raw / demand.expected : 0;
  let covered = 0;
  for (const [g, hours] of flows) {
    const row = table.at(c.skill, groups[g].location);
    row.demandHours[w] += hours * rawPerExpected;
    row.expectedDemandHours[w] += hours;
    row.coverableHours[w] += hours;
    covered += hours;
  }
  const expectedLeft = demand.expected - covered;
  const rawLeft = demand.raw - covered * rawPerExpected;
  if (expectedLeft <= UNPLACED_TOLERANCE && rawLeft <= UNPLACED_TOLERANCE) return;
  const rest = table.at(c.skill, c.location);
  rest.demandHours[w] += Math.max(0, rawLeft);
  rest.expectedDemandHours[w] += Math.max(0, expectedLeft);
}

function worst(statuses: SolveStatus[]): SolveStatus {
  if (statuses.includes('timedout')) return 'timedout';
  return statuses.includes('feasible') ? 'feasible' : 'optimal';
}

function toRows(table: RowTable, periods: string[]): CapacityForecastRow[] {
  const rows: CapacityForecastRow[] = [];
  for (const key of [...table.series.keys()].sort()) {
    const [skill, location] = key.split('\u0000') as [string, string];
    const series = table.series.get(key)!;
    periods.forEach((week, w) => {
      const row = Object.fromEntries(FIELDS.map((f) => [f, series[f][w]])) as Record<Field, number>;
      rows.push({ skill, location, week, ...row, gapHours: row.expectedDemandHours - row.coverableHours });
    });
  }
  return rows;
}

/** Weekly rows summed into months; a week belongs to the month of its Monday. */
export function monthlyRollUp(weekly: readonly CapacityForecastRow[]): CapacityForecastRow[] {
  const months = new Map<string, CapacityForecastRow>();
  for (const row of weekly) {
    const key = `${row.skill}\u0000${row.location}\u0000${monthOf(row.week)}`;
    const sum = months.get(key) ?? { skill: row.skill, location: row.location, week: monthOf(row.week), capacityHours: 0, demandHours: 0, expectedDemandHours: 0, coverableHours: 0, gapHours: 0, committedHours: 0, supplyHours: 0 };
    for (const f of FIELDS) sum[f] = (sum[f] ?? 0) + (row[f] ?? 0);
    sum.gapHours = sum.expectedDemandHours - sum.coverableHours;
    months.set(key, sum);
  }
  return [...months.keys()].sort().map((key) => months.get(key)!);
}

export async function capacityForecast(scenario: Scenario, horizon: Horizon, options: ForecastOptions = {}): Promise<CapacityForecast> {
  const started = Date.now();
  const normalized = normalizeScenario(scenario);
  const snapped = normalizeHorizon(horizon);
  const matrix = availabilityMatrix(normalized, snapped, { countRequestedPto: options.countRequestedPto });
  const crmHorizonWeeks = crmHorizonWeeksOf(options.crmHorizonWeeks);
  const lines = [...demandLines(normalized, snapped, { minProbability: options.minProbability }), ...(options.includeLeadForecasts ? projectedDemandLines(normalized, snapped, { crmHorizonWeeks }) : [])];
  const groups = supplyGroups(normalized.employees ?? []);
  const classes = demandClasses(lines);
  const arcs = eligibleArcs(groups, classes);
  const weekIndex = new Map(matrix.weeks.map((w, i) => [w, i] as const));
  const demand = classDemand(classes, lines, weekIndex, matrix.weeks.length);
  const table = new RowTable(matrix.weeks.length);
  groups.forEach((group) => group.skills.forEach((skill) => table.at(skill, group.location)));
  // A `*` row appears only when some location-free demand stays uncovered (placeClassWeek).
  classes.forEach((c) => {
    if (c.location !== ANY_LOCATION) table.at(c.skill, c.location);
  });
  const statuses: SolveStatus[] = [];
  const backends = new Set<string>();
  const perWeekLimit = options.timeLimitSeconds !== undefined ? options.timeLimitSeconds / matrix.weeks.length : undefined;
  for (let w = 0; w < matrix.weeks.length; w++) {
    options.onProgress?.({ phase: 'forecast', percent: Math.floor((100 * w) / matrix.weeks.length) });
    const supply = addSupplySide(table, groups, matrix.hours, matrix.committed, w);
    const flow = await solveWeekFlow(
      { supply, demand: Float64Array.from(demand.expected, (series) => series[w]), arcs },
      { backend: options.backend, timeLimitSeconds: perWeekLimit, shouldStop: options.shouldStop },
    );
    statuses.push(flow.status);
    if (flow.backend !== 'none') backends.add(flow.backend);
    const allotted = new Float64Array(groups.length);
    classes.forEach((c, k) => {
      for (const [g, hours] of flow.flows[k]) {
        table.at(c.skill, groups[g].location).capacityHours[w] += hours;
        allotted[g] += hours;
      }
      placeClassWeek(table, c, groups, flow.flows[k], { raw: demand.raw[k][w], expected: demand.expected[k][w] }, w);
    });
    groups.forEach((group, g) => {
      table.at(group.primarySkill, group.location).capacityHours[w] += Math.max(0, supply[g] - allotted[g]);
    });
  }
  const bucket = options.bucket ?? 'week';
  const weekly = toRows(table, matrix.weeks);
  const months = monthlyRollUp(weekly);
  const forecast: CapacityForecast = {
    horizon: snapped,
    options: { minProbability: options.minProbability ?? 0, countRequestedPto: options.countRequestedPto ?? false, bucket, includeLeadForecasts: options.includeLeadForecasts ?? false, crmHorizonWeeks },
    rows: bucket === 'month' ? months : weekly,
    months,
    solver: { backend: backends.size > 0 ? [...backends].sort().join('+') : 'none', status: worst(statuses), timeMs: Date.now() - started },
  };
  const verdict = checkCapacityForecast(scenario, forecast);
  forecast.check = verdict;
  if (!verdict.ok) throw new ForecastCheckError(verdict.violations, forecast);
  options.onProgress?.({ phase: 'done', percent: 100 });
  return forecast;
}
