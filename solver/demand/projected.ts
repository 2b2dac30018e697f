/**
 * Projected demand from MAS lead forecasts (DESIGN.md §3): leads × leadToOpportunityRate × winRate
 * deals of the project type, starting lagWeeks after the first Monday of the period, as lines
 * `mas:<id>#<n>`. They feed forecasts and hiring, never staffing plans: nobody can be staffed on a
 * deal that does not exist yet.
 *
 * Representation of a fractional deal count: the line keeps probability 1 and its headcount is scaled
 * by the expected number of deals (role headcount × deals, possibly fractional). Raw and expected hours
 * are then the same number — hoursPerWeek × headcount — which is already an expectation. These lines
 * carry no location (anyone holding the skill can cover them) and ignore minProbability, which filters
 * CRM deals.
 *
 * MAS is demand BEYOND the CRM horizon (DESIGN.md §1): the first `crmHorizonWeeks` weeks of the horizon
 * (default 13, one quarter) belong to the CRM pipeline, whose opportunities already hold the deals those
 * leads turn into. Counting projected line-weeks there would count the pipeline twice, so a projected
 * line only contributes its weeks on or after crmHorizonEnd = horizon.from + 7 × crmHorizonWeeks days.
 */
import { firstMondayOfMonth, horizonWeeks, normalizeHorizon, toDayNumber, toIsoDate } from '../calendar/dates.js';
import { ScenarioError } from '../errors.js';
import { normalizeScenario } from '../scenario.js';
import type { Horizon, IsoDate, LeadForecast, PlanLine, Scenario } from '../types.js';
import { clipToHorizon, lineSchedule } from './lines.js';

/** Expected won deals of a lead forecast. */
export function expectedDeals(forecast: Pick<LeadForecast, 'leads' | 'leadToOpportunityRate' | 'winRate'>): number {
  return forecast.leads * forecast.leadToOpportunityRate * forecast.winRate;
}

/** When the forecast's deals start (DESIGN.md §3): lagWeeks after the first Monday of its period. */
export function projectedStart(forecast: Pick<LeadForecast, 'id' | 'period' | 'lagWeeks'>): string {
  const firstMonday = firstMondayOfMonth(forecast.period, `leadForecasts[${forecast.id}].period`);
  return toIsoDate(toDayNumber(firstMonday, `leadForecasts[${forecast.id}].period`) + 7 * forecast.lagWeeks);
}

/** All lines of one lead forecast over their whole duration ([] when no deal is expected). */
export function projectedLinesOf(forecast: LeadForecast, scenario: Scenario): PlanLine[] {
  const deals = expectedDeals(forecast);
  if (!(deals > 0)) return [];
  const type = (scenario.projectTypes ?? []).find((t) => t.code === forecast.projectType);
  if (!type) throw new ScenarioError(`leadForecasts[${forecast.id}].projectType`, `unknown project type ${JSON.stringify(forecast.projectType)}`);
  const dealStart = projectedStart(forecast);
  return type.roles.map((role, i) => {
    const { start, weeks } = lineSchedule(dealStart, role.startOffsetWeeks ?? 0, role.durationWeeks ?? type.durationWeeks, `leadForecasts[${forecast.id}]`);
    return {
      lineId: `mas:${forecast.id}#${i + 1}`,
      opportunityId: `mas:${forecast.id}`,
      opportunityName: `${type.name} (projected from ${forecast.period} leads)`,
      skill: role.skill,
      minLevel: role.minLevel,
      hoursPerWeek: role.hoursPerWeek,
      headcount: (role.headcount ?? 1) * deals,
      weeks,
      probability: 1,
      start,
      remoteAllowed: false,
      requiresCertification: false,
    };
  });
}

/** One quarter: how far ahead the CRM pipeline is taken to hold the firm's deals. */
export const DEFAULT_CRM_HORIZON_WEEKS = 13;

export interface ProjectedDemandOptions {
  /** Weeks from horizon.from that belong to the CRM pipeline (default 13); MAS demand counts only after. */
  crmHorizonWeeks?: number;
}

/** The CRM horizon in whole weeks ≥ 0 (default 13); anything else is a ScenarioError naming the option. */
export function crmHorizonWeeksOf(weeks: number | undefined): number {
  const value = weeks ?? DEFAULT_CRM_HORIZON_WEEKS;
  if (!Number.isInteger(value) || value < 0) throw new ScenarioError('crmHorizonWeeks', `expected whole weeks ≥ 0, got ${JSON.stringify(weeks)}`);
  return value;
}

/** The Monday of the first week that is beyond the CRM horizon: horizon.from (snapped) + 7 × crmHorizonWeeks days. */
export function crmHorizonEnd(horizon: Horizon, crmHorizonWeeks?: number): IsoDate {
  return toIsoDate(toDayNumber(normalizeHorizon(horizon).from) + 7 * crmHorizonWeeksOf(crmHorizonWeeks));
}

/**
 * Projected lines with a week in the horizon on or after crmHorizonEnd, only those weeks, sorted by
 * lineId. A lead forecast starting inside the CRM horizon contributes only its weeks after it.
 */
export function projectedDemandLines(scenario: Scenario, horizon: Horizon, options: ProjectedDemandOptions = {}): PlanLine[] {
  const normalized = normalizeScenario(scenario);
  const end = crmHorizonEnd(horizon, options.crmHorizonWeeks);
  const beyondCrm = new Set(horizonWeeks(horizon).filter((week) => week >= end));
  const lines: PlanLine[] = [];
  for (const forecast of normalized.leadForecasts ?? []) {
    for (const line of projectedLinesOf(forecast, normalized)) {
      const clipped = clipToHorizon(line, beyondCrm);
      if (clipped) lines.push(clipped);
    }
  }
  return lines.sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
}
