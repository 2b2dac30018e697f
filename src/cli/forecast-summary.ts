/** The readable summary of a capacity forecast: per skill × location over the horizon, gaps first. */
import type { CapacityForecast, CapacityForecastRow } from '../../solver/types.js';
import { num, percent, table } from './output.js';

interface Totals {
  skill: string;
  capacity: number;
  demand: number;
  expected: number;
  coverable: number;
  gap: number;
  worstGap: number;
  worstPeriod: string;
  byLocation: Map<string, number>; // capacity per location
}

/** Per skill over the horizon: locations summed per period first, so the worst gap is the skill's. */
export function totalsBySkill(rows: readonly CapacityForecastRow[]): Totals[] {
  const totals = new Map<string, Totals>();
  const periodGaps = new Map<string, number>();
  for (const row of rows) {
    const t = totals.get(row.skill) ?? { skill: row.skill, capacity: 0, demand: 0, expected: 0, coverable: 0, gap: 0, worstGap: 0, worstPeriod: '', byLocation: new Map() };
    t.capacity += row.capacityHours;
    t.demand += row.demandHours;
    t.expected += row.expectedDemandHours;
    t.coverable += row.coverableHours;
    t.gap += row.gapHours;
    t.byLocation.set(row.location, (t.byLocation.get(row.location) ?? 0) + row.capacityHours);
    totals.set(row.skill, t);
    const key = `${row.skill}\u0000${row.week}`;
    periodGaps.set(key, (periodGaps.get(key) ?? 0) + row.gapHours);
  }
  for (const [key, gap] of [...periodGaps].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [skill, period] = key.split('\u0000') as [string, string];
    const t = totals.get(skill)!;
    if (gap > t.worstGap + 1e-9) {
      t.worstGap = gap;
      t.worstPeriod = period;
    }
  }
  return [...totals.values()].sort((a, b) => b.gap - a.gap || (a.skill < b.skill ? -1 : 1));
}

function locationText(byLocation: Map<string, number>): string {
  return [...byLocation].filter(([, hours]) => hours > 1e-6).sort(([a], [b]) => (a < b ? -1 : 1)).map(([location, hours]) => `${location} ${num(hours, 0)}`).join(', ') || '-';
}

export function forecastSummary(forecast: CapacityForecast): string {
  const totals = totalsBySkill(forecast.rows);
  const capacity = totals.reduce((s, t) => s + t.capacity, 0);
  const expected = totals.reduce((s, t) => s + t.expected, 0);
  const coverable = totals.reduce((s, t) => s + t.coverable, 0);
  const out = [
    `Capacity forecast ${forecast.horizon.from}, ${forecast.horizon.weeks} weeks, by ${forecast.options.bucket}${forecast.options.includeLeadForecasts ? ', with MAS lead forecasts' : ''}${forecast.options.minProbability > 0 ? `, deals ≥ ${forecast.options.minProbability}` : ''}`,
    `Solver: ${forecast.solver.status} via ${forecast.solver.backend} in ${num(forecast.solver.timeMs / 1000, 2)} s; independent check: ${forecast.check?.ok ? 'passed' : 'NOT RUN'}`,
    `Capacity ${num(capacity)} h, expected demand ${num(expected)} h, coverable ${num(coverable)} h (${percent(coverable, expected)}), gap ${num(expected - coverable)} h`,
    'Capacity splits multi-skilled people between skills, never counting them twice; --json has every skill × location × period row.',
  ];
  const rows = totals.map((t) => [t.skill, num(t.capacity), num(t.demand), num(t.expected), num(t.coverable), num(t.gap), t.worstPeriod ? `${num(t.worstGap)} (${t.worstPeriod})` : '-', locationText(t.byLocation)]);
  out.push(table(['skill', 'capacity h', 'demand h', 'expected h', 'coverable h', 'gap h', `worst ${forecast.options.bucket} gap`, 'capacity by location'], rows).trimEnd());
  return out.join('\n') + '\n';
}
