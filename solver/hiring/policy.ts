/**
 * The hiring policy's numbers with their defaults. A lead time is looked up most specific first:
 * skill and location, then skill, then location, then defaultLeadTimeWeeks.
 */
import { ScenarioError } from '../errors.js';
import type { HiringPolicy } from '../types.js';

export const FTE_HOURS_PER_WEEK = 40;
export const DEFAULT_RESKILL_LEAD_TIME_WEEKS = 4;
export const DEFAULT_RESKILL_TRAINING_HOURS = 80;

export interface ResolvedPolicy {
  policy: HiringPolicy;
  leadTimeWeeks: (skill: string, location: string) => number;
  contractorLeadTimeWeeks: number;
  reskillLeadTimeWeeks: number;
  reskillTrainingHours: number;
  minFteGap: number;
  minShortageWeeks: number;
}

const DEFAULT_POLICY: HiringPolicy = { defaultLeadTimeWeeks: 8, leadTimes: [], contractorRateMultiplier: 1.5, contractorLeadTimeWeeks: 2, minFteGap: 0.5, minShortageWeeks: 4 };

function wholeWeeks(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ScenarioError(path, `expected whole weeks ≥ 0, got ${JSON.stringify(value)}`);
  return value;
}

export function resolvePolicy(policy: HiringPolicy | undefined): ResolvedPolicy {
  const p = policy ?? DEFAULT_POLICY;
  const leadTimes = (p.leadTimes ?? []).map((entry, i) => ({ ...entry, weeks: wholeWeeks(entry.weeks, `hiringPolicy.leadTimes[${i}].weeks`) }));
  const fallback = wholeWeeks(p.defaultLeadTimeWeeks, 'hiringPolicy.defaultLeadTimeWeeks');
  const specificity = (e: { skill?: string; location?: string }) => (e.skill !== undefined ? 2 : 0) + (e.location !== undefined ? 1 : 0);
  const ordered = [...leadTimes].sort((a, b) => specificity(b) - specificity(a));
  if (!(p.minFteGap >= 0)) throw new ScenarioError('hiringPolicy.minFteGap', `expected FTE ≥ 0, got ${JSON.stringify(p.minFteGap)}`);
  return {
    policy: p,
    leadTimeWeeks: (skill, location) => ordered.find((e) => (e.skill === undefined || e.skill === skill) && (e.location === undefined || e.location === location))?.weeks ?? fallback,
    contractorLeadTimeWeeks: wholeWeeks(p.contractorLeadTimeWeeks, 'hiringPolicy.contractorLeadTimeWeeks'),
    reskillLeadTimeWeeks: wholeWeeks(p.reskillLeadTimeWeeks ?? DEFAULT_RESKILL_LEAD_TIME_WEEKS, 'hiringPolicy.reskillLeadTimeWeeks'),
    reskillTrainingHours: p.reskillTrainingHours ?? DEFAULT_RESKILL_TRAINING_HOURS,
    minFteGap: p.minFteGap,
    minShortageWeeks: wholeWeeks(p.minShortageWeeks, 'hiringPolicy.minShortageWeeks'),
  };
}
