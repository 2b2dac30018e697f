/**
 * hiringForecast: HR's question "whom must we hire or contract, where and by when?" (issue 5).
 * 1. shortage.ts — the capacity forecast's flow LP over CRM expected demand and MAS projected demand:
 *    the gap per demand class and week, and people's spare hours;
 * 2. model.ts — a cost LP that covers the gap with hires, contractors and reskilling under lead times;
 * 3. signals.ts — persistent, large-enough actions become signals; in-demand.ts ranks the skills.
 * "Now" is the horizon's first week: nothing here reads the clock.
 */
import { normalizeHorizon } from '../calendar/dates.js';
import { costRate, moneyContext } from '../money.js';
import { contractorRates, median } from '../pricing/contractor-rate.js';
import { crmHorizonEnd, crmHorizonWeeksOf } from '../demand/projected.js';
import { normalizeScenario } from '../scenario.js';
import type { Employee, Horizon, Scenario } from '../types.js';
import { inDemandSkills } from './in-demand.js';
import { buildHiringModel, solveHiringModel, type CostInputs } from './model.js';
import { resolvePolicy, type ResolvedPolicy } from './policy.js';
import { signalLocation } from './placement.js';
import { measureShortage } from './shortage.js';
import { decodeSignals } from './signals.js';
import type { HiringForecast, HiringOptions } from './types.js';

export type * from './types.js';

/** The caller asked the forecast to stop (job cancelled or handed back): no partial forecast is valid. */
export class HiringStoppedError extends Error {
  override readonly name = 'HiringStoppedError';
  constructor() {
    super('the hiring forecast was stopped before its actions were decided');
  }
}

/** Share of the progress bar the per-week shortage LPs take; the cost LP and signals take the rest. */
const SHORTAGE_SHARE = 70;
/** The cost LP always gets at least this, even when the shortage used up the caller's time limit. */
const MIN_COST_LP_SECONDS = 0.5;

function stopIfAsked(options: HiringOptions): void {
  if (options.shouldStop?.()) throw new HiringStoppedError();
}

/** What is left of the caller's limit for the cost LP (undefined: no limit asked). */
function remainingSeconds(options: HiringOptions, started: number): number | undefined {
  if (options.timeLimitSeconds === undefined) return undefined;
  return Math.max(MIN_COST_LP_SECONDS, options.timeLimitSeconds - (Date.now() - started) / 1000);
}
export { hiringSignalsCsv } from './csv.js';
export { resolvePolicy, FTE_HOURS_PER_WEEK } from './policy.js';

function costInputs(scenario: Scenario, groups: { members: number[] }[], places: readonly string[]): CostInputs {
  const money = moneyContext(scenario);
  const employees = scenario.employees ?? [];
  const cost = (e: Employee) => costRate(e, money);
  const rates = contractorRates(employees, money, scenario.hiringPolicy);
  const hireCostRate = (skill: string, location: string) => {
    const holdersHere = employees.filter((e) => e.location === location && e.skills.some((s) => s.skill === skill));
    const holders = employees.filter((e) => e.skills.some((s) => s.skill === skill));
    const here = employees.filter((e) => e.location === location);
    const pool = [holdersHere, holders, here, employees].find((list) => list.length > 0) ?? [];
    return pool.length > 0 ? median(pool.map(cost)) : rates(skill, 1).referenceCost;
  };
  const memo = new Map<string, number>();
  return {
    hireCostRate: (skill, location) => {
      const key = `${skill}\u0000${location}`;
      if (!memo.has(key)) memo.set(key, hireCostRate(skill, location));
      return memo.get(key)!;
    },
    contractorRate: (skill, minLevel) => rates(skill, minLevel).ratePerHour,
    groupCostRate: (g) => groups[g].members.reduce((sum, m) => sum + cost(employees[m]), 0) / groups[g].members.length,
    locations: [...new Set(employees.map((e) => e.location))].sort(),
    signalLocation: (k) => places[k],
    adjacent: new Map((scenario.skills ?? []).map((s) => [s.code, s.adjacent ?? []] as const)),
  };
}

/** `crmHorizonWeeks` undefined: MAS projected demand left out. */
function assumptions(policy: ResolvedPolicy, horizon: Horizon, crmHorizonWeeks: number | undefined, unmetPenalty: number): string[] {
  const p = policy.policy;
  return [
    `Now = ${horizon.from} (the horizon's first week); demand = CRM expected hours (won 1, open × probability)${crmHorizonWeeks !== undefined ? ` + MAS projected demand from ${crmHorizonEnd(horizon, crmHorizonWeeks)} on (beyond the ${crmHorizonWeeks}-week CRM horizon, whose pipeline already holds the deals those leads become)` : ''}; the firm's people cover what they can first (capacity forecast flow LP), the rest is the shortage.`,
    `Hires: FTE of 40 h/week from week ≥ now + lead time (${(p.leadTimes ?? []).map((l) => `${l.skill ?? '*'}@${l.location ?? '*'} ${l.weeks}`).join(', ') || 'no specific lead times'}; default ${p.defaultLeadTimeWeeks} weeks), cost = median cost rate of the skill's holders at the location (else of all holders) × 40 h × the weeks left in the horizon; demand that names no location can be hired anywhere.`,
    `Contractors: from week ≥ now + ${policy.contractorLeadTimeWeeks}, at ${p.contractorRateMultiplier} × the median cost of the skill's qualified holders, per hour used; demand that names no location is placed where most of the skill's holders are, else where the policy hires it fastest (alphabetical on a tie).`,
    `Reskilling: spare hours of people holding a catalog-adjacent skill, from week ≥ now + ${policy.reskillLeadTimeWeeks}, at one level below their level in that skill (no certified work), for ${policy.reskillTrainingHours} training hours at their cost each.`,
    `Unmet demand costs ${unmetPenalty.toFixed(2)} per expected hour (above every action), so hours stay unmet only when no action can arrive in time.`,
    `A signal needs ≥ ${policy.minShortageWeeks} consecutive covered weeks and ≥ ${policy.minFteGap} FTE; FTE are continuous; confidence = share of the covered hours resting on won work.`,
  ];
}

export async function hiringForecast(scenario: Scenario, horizon: Horizon, options: HiringOptions = {}): Promise<HiringForecast> {
  const started = Date.now();
  const normalized = normalizeScenario(scenario);
  const snapped = normalizeHorizon(horizon);
  const policy = resolvePolicy(normalized.hiringPolicy);
  const includeLeadForecasts = options.includeLeadForecasts ?? true;
  const crmHorizonWeeks = crmHorizonWeeksOf(options.crmHorizonWeeks);
  const report = (phase: string, percent: number) => options.onProgress?.({ phase, percent });
  stopIfAsked(options);
  const shortage = await measureShortage(normalized, snapped, {
    minProbability: options.minProbability, countRequestedPto: options.countRequestedPto, includeLeadForecasts, crmHorizonWeeks, backend: options.backend, timeLimitSeconds: options.timeLimitSeconds,
    afterWeek: (done, weeks) => {
      report('shortage', Math.floor((SHORTAGE_SHARE * done) / weeks));
      stopIfAsked(options);
    },
  });
  const places = shortage.classes.map((demandClass) => signalLocation(demandClass, normalized.employees ?? [], policy));
  const costs = costInputs(normalized, shortage.groups, places);
  const { builder, model } = buildHiringModel(shortage, policy, costs);
  const lp = builder.build();
  report('actions', SHORTAGE_SHARE);
  const { result, backend } = await solveHiringModel(lp, options.backend, remainingSeconds(options, started));
  report('signals', 95);
  const won = new Set((normalized.opportunities ?? []).filter((o) => o.status === 'won').map((o) => o.id));
  const decoded = decodeSignals(shortage, model, result, lp.colCost, policy, won);
  const money = moneyContext(normalized);
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  const sumOf = (action: string) => decoded.signals.filter((s) => s.action === action);
  return {
    horizon: snapped,
    options: { minProbability: options.minProbability ?? 0, countRequestedPto: options.countRequestedPto ?? false, includeLeadForecasts, crmHorizonWeeks },
    baseCurrency: money.baseCurrency,
    ...decoded,
    inDemandSkills: inDemandSkills(shortage, money, (k) => places[k]),
    totals: {
      shortageHours: round(shortage.gap.reduce((sum, series) => sum + series.reduce((a, b) => a + b, 0), 0), 3),
      hireFte: round(sumOf('hire').reduce((sum, s) => sum + s.fte, 0), 3),
      contractHours: round(sumOf('contract').reduce((sum, s) => sum + s.shortageHours, 0), 3),
      reskillPeople: round(sumOf('reskill').reduce((sum, s) => sum + (s.people ?? 0), 0), 3),
      unmetHours: round(decoded.unmet.reduce((sum, u) => sum + u.hours, 0), 3),
      cost: round(decoded.signals.reduce((sum, s) => sum + s.cost, 0), 2),
    },
    assumptions: assumptions(policy, snapped, includeLeadForecasts ? crmHorizonWeeks : undefined, model.unmetPenaltyPerHour),
    solver: { backend: `${shortage.backend}/${backend}`, status: worstStatus(shortage.status, result.status), timeMs: Date.now() - started },
  };
}

/** Solve statuses from best to worst: a document is only as trustworthy as its weakest phase. */
const STATUS_SEVERITY = ['optimal', 'feasible', 'timedout'];

/**
 * The status the forecast reports: the worst of its phases' (shortage flows, hiring LP), so a shortage
 * phase cut short by its time limit makes the whole document `timedout` even when the LP solved to optimality.
 * A status outside the known ladder (never expected once a phase returned a solution) counts as worst.
 */
export function worstStatus(...statuses: string[]): string {
  const severity = (status: string) => (STATUS_SEVERITY.includes(status) ? STATUS_SEVERITY.indexOf(status) : STATUS_SEVERITY.length);
  return statuses.reduce((worst, status) => (severity(status) > severity(worst) ? status : worst));
}
