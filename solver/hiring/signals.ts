/**
 * From the hiring LP's answer to HR's signals: per (action, skill, location) the weeks and hours it
 * covers, the lines behind them (each class-week's covered hours shared over its lines by their expected
 * hours), how much rests on won work, the FTE and when to act (first covered week − the action's lead
 * time). Only persistent (a run of ≥ minShortageWeeks consecutive covered weeks) and large enough
 * (fte ≥ minFteGap) actions become signals; the rest is listed as below threshold.
 */
import { addDays } from '../calendar/dates.js';
import type { LpResult } from '../lp/index.js';
import type { HiringModel } from './model.js';
import { FTE_HOURS_PER_WEEK, type ResolvedPolicy } from './policy.js';
import type { Shortage } from './shortage.js';
import type { HiringAction, HiringForecast, HiringSignal } from './types.js';

const EPS = 1e-6;

interface Tally {
  action: HiringAction | 'unmet';
  skill: string;
  location: string;
  weekly: Float64Array;
  lines: Set<string>;
  won: number;
  pipeline: number;
  projected: number;
}

function tallyCovers(shortage: Shortage, model: HiringModel, result: LpResult, wonOpportunities: ReadonlySet<string>): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const cover of model.covers) {
    const hours = result.values[cover.column];
    if (hours <= EPS) continue;
    const [action, skill, location] = cover.key.split('\u0000');
    const tally = tallies.get(cover.key) ?? { action: action as Tally['action'], skill, location, weekly: new Float64Array(shortage.weeks.length), lines: new Set<string>(), won: 0, pipeline: 0, projected: 0 };
    tallies.set(cover.key, tally);
    tally.weekly[cover.w] += hours;
    const byLine = shortage.lineHours[cover.k][cover.w];
    const total = [...byLine.values()].reduce((a, b) => a + b, 0);
    for (const [j, lineHours] of byLine) {
      const line = shortage.lines[j];
      const share = total > 0 ? (hours * lineHours) / total : 0;
      tally.lines.add(line.lineId);
      if (line.lineId.startsWith('mas:')) tally.projected += share;
      else if (wonOpportunities.has(line.opportunityId)) tally.won += share;
      else tally.pipeline += share;
    }
  }
  return tallies;
}

function runs(weekly: Float64Array): { first: number; last: number; weeks: number; longest: number } {
  let first = -1, last = -1, weeks = 0, longest = 0, current = 0;
  weekly.forEach((hours, w) => {
    if (hours > EPS) {
      if (first < 0) first = w;
      last = w;
      weeks++;
      current++;
      longest = Math.max(longest, current);
    } else current = 0;
  });
  return { first, last, weeks, longest };
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function signalOf(tally: Tally, shortage: Shortage, model: HiringModel, result: LpResult, policy: ResolvedPolicy, colCost: Float64Array, costs: { contractCost: number }): HiringSignal {
  const span = runs(tally.weekly);
  const covered = tally.weekly.reduce((a, b) => a + b, 0);
  const W = shortage.weeks.length;
  const key = `${tally.action}\u0000${tally.skill}\u0000${tally.location}`;
  let fte = covered / span.weeks / FTE_HOURS_PER_WEEK;
  let utilization = 1;
  let cost = costs.contractCost;
  let lead = policy.contractorLeadTimeWeeks;
  const extra: Partial<HiringSignal> = {};
  if (tally.action === 'hire') {
    const hires = model.hires.filter((h) => h.key === key);
    fte = hires.reduce((sum, h) => sum + result.values[h.column], 0);
    const capacity = hires.reduce((sum, h) => sum + result.values[h.column] * FTE_HOURS_PER_WEEK * (W - h.t), 0);
    utilization = capacity > 0 ? covered / capacity : 0;
    cost = hires.reduce((sum, h) => sum + result.values[h.column] * colCost[h.column], 0);
    lead = policy.leadTimeWeeks(tally.skill, tally.location);
  } else if (tally.action === 'reskill') {
    const trained = model.reskills.filter((r) => r.key === key);
    const people = trained.reduce((sum, r) => sum + result.values[r.column], 0);
    const hoursOffered = trained.reduce((sum, r) => sum + result.values[r.column] * r.weeklyHours * (W - span.first), 0);
    utilization = hoursOffered > 0 ? covered / hoursOffered : 0;
    cost = trained.reduce((sum, r) => sum + result.values[r.column] * colCost[r.column], 0);
    lead = policy.reskillLeadTimeWeeks;
    extra.people = round(people, 3);
    extra.fromSkills = [...new Set(trained.filter((r) => result.values[r.column] > EPS).flatMap((r) => r.fromSkills))].sort();
  }
  return {
    skill: tally.skill,
    location: tally.location,
    action: tally.action as HiringAction,
    fte: round(fte, 3),
    ...extra,
    neededBy: addDays(shortage.weeks[span.first], -7 * lead),
    leadTimeWeeks: lead,
    firstShortWeek: shortage.weeks[span.first],
    lastShortWeek: shortage.weeks[span.last],
    shortageWeeks: span.weeks,
    longestRunWeeks: span.longest,
    shortageHours: round(covered, 3),
    confidence: round(covered > 0 ? tally.won / covered : 0, 4),
    wonHours: round(tally.won, 3),
    pipelineHours: round(tally.pipeline, 3),
    projectedHours: round(tally.projected, 3),
    expectedUtilization: round(Math.min(1, utilization), 4),
    cost: round(cost, 2),
    lines: [...tally.lines].sort(),
  };
}

export function decodeSignals(shortage: Shortage, model: HiringModel, result: LpResult, colCost: Float64Array, policy: ResolvedPolicy, wonOpportunities: ReadonlySet<string>): Pick<HiringForecast, 'signals' | 'belowThreshold' | 'unmet'> {
  const tallies = tallyCovers(shortage, model, result, wonOpportunities);
  const contractCost = new Map<string, number>();
  for (const cover of model.covers) {
    if (cover.action === 'contract') contractCost.set(cover.key, (contractCost.get(cover.key) ?? 0) + result.values[cover.column] * colCost[cover.column]);
  }
  const signals: HiringSignal[] = [];
  const belowThreshold: HiringForecast['belowThreshold'] = [];
  const unmet: HiringForecast['unmet'] = [];
  for (const key of [...tallies.keys()].sort()) {
    const tally = tallies.get(key)!;
    if (tally.action === 'unmet') {
      unmet.push({ skill: tally.skill, location: tally.location, hours: round(tally.weekly.reduce((a, b) => a + b, 0), 3) });
      continue;
    }
    const signal = signalOf(tally, shortage, model, result, policy, colCost, { contractCost: contractCost.get(key) ?? 0 });
    if (signal.longestRunWeeks >= policy.minShortageWeeks && signal.fte >= policy.minFteGap - 1e-9) signals.push(signal);
    else belowThreshold.push({ skill: signal.skill, location: signal.location, action: signal.action, shortageHours: signal.shortageHours, shortageWeeks: signal.shortageWeeks });
  }
  signals.sort((a, b) => (a.neededBy < b.neededBy ? -1 : a.neededBy > b.neededBy ? 1 : a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : a.location < b.location ? -1 : a.location > b.location ? 1 : a.action < b.action ? -1 : 1));
  return { signals, belowThreshold, unmet };
}
