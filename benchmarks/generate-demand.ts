/**
 * Demand side of a generated scenario: a CRM pipeline of opportunities with explicit role lines
 * (won work and open deals at stage-typical probabilities, a few lost), accounts, and the money
 * catalog (rate cards by skill × level in two currencies, exchange rates).
 */
import type { Account, ExchangeRate, Opportunity, OpportunityRole, ProjectType, RateCard, SkillDefinition } from '../solver/types.js';
import type { Office, SkillEntry } from './catalog.js';
import { addDays, daysBetween, mondayOf } from './dates.js';
import { UPDATED_AT, type SkillMarket } from './generate-people.js';
import type { Random } from './random.js';
import { HORIZON_START } from './sizes.js';

const STAGES: { stage: string; min: number; max: number; weight: number }[] = [
  { stage: 'qualify', min: 0.1, max: 0.25, weight: 0.25 },
  { stage: 'propose', min: 0.35, max: 0.6, weight: 0.4 },
  { stage: 'negotiate', min: 0.65, max: 0.9, weight: 0.35 },
];
const ROLE_COUNT_WEIGHTS = [0.2, 0.3, 0.25, 0.13, 0.08, 0.04]; // 1-6 roles per opportunity
const MIN_LEVEL_WEIGHTS = [0.05, 0.35, 0.4, 0.2]; // minLevel 1-4
const ROLE_HOURS = [16, 20, 24, 32, 40];
const ROLE_HOUR_WEIGHTS = [0.08, 0.12, 0.1, 0.25, 0.45];
const HEADCOUNT_WEIGHTS = [0.32, 0.3, 0.2, 0.11, 0.07]; // 1-5 before calibration
const LEVEL_BILL_FACTOR = [0.65, 0.82, 1, 1.2, 1.45];
export const EUR_RATE_TO_USD = 1.08;

/** A role line before headcount calibration: `headcountWeight` is scaled to balance demand and supply. */
export interface DraftRole extends OpportunityRole {
  headcountWeight: number;
  weeksInHorizon: number;
}

export interface DraftOpportunity extends Omit<Opportunity, 'roles'> {
  roles: DraftRole[];
}

function opportunityStatus(random: Random): Pick<Opportunity, 'status' | 'stage' | 'probability'> {
  if (random.chance(0.25)) return { status: 'won', stage: 'closed-won', probability: 1 };
  const stage = STAGES[random.weightedIndex(STAGES.map((s) => s.weight))];
  return { status: 'open', stage: stage.stage, probability: random.range(stage.min, stage.max, 0.05) };
}

/** Weeks of the line inside the horizon, per the exact rule (start week = the week containing the start day). */
export function lineWeeksInHorizon(start: string, durationWeeks: number, horizonWeeks: number): number {
  const firstWeek = Math.floor(daysBetween(HORIZON_START, mondayOf(start)) / 7);
  const from = Math.max(0, firstWeek);
  const to = Math.min(horizonWeeks, firstWeek + durationWeeks);
  return Math.max(0, to - from);
}

function draftRole(random: Random, opportunity: DraftOpportunity, index: number, markets: SkillMarket[], family: string | null, horizonWeeks: number): DraftRole {
  const pool = family && random.chance(0.6) ? markets.filter((m) => m.skill.family.family === family) : markets;
  const market = pool[random.weightedIndex(pool.map((m) => m.demandWeight))];
  let startOffsetWeeks = random.chance(0.6) ? 0 : random.int(1, 8);
  let durationWeeks = random.chance(0.5) ? random.int(4, 20) : undefined;
  const remoteAllowed = random.chance(0.45);
  const role: DraftRole = {
    id: `${opportunity.id}-R${index + 1}`,
    skill: market.skill.code,
    minLevel: 1 + random.weightedIndex(MIN_LEVEL_WEIGHTS),
    hoursPerWeek: ROLE_HOURS[random.weightedIndex(ROLE_HOUR_WEIGHTS)],
    headcountWeight: (1 + random.weightedIndex(HEADCOUNT_WEIGHTS)) * random.range(0.8, 1.2, 0.01),
    weeksInHorizon: 0,
  };
  const lineStart = () => addDays(opportunity.expectedStart, 7 * startOffsetWeeks);
  const duration = () => durationWeeks ?? opportunity.durationWeeks ?? 12;
  if (lineWeeksInHorizon(lineStart(), duration(), horizonWeeks) === 0) {
    // Every generated line must reach into the horizon so the size's line count is exact.
    startOffsetWeeks = 0;
    durationWeeks = Math.max(duration(), 12);
  }
  if (startOffsetWeeks > 0) role.startOffsetWeeks = startOffsetWeeks;
  if (durationWeeks !== undefined) role.durationWeeks = durationWeeks;
  if (remoteAllowed) role.remoteAllowed = true;
  if (remoteAllowed || random.chance(0.75)) role.location = opportunity.territory;
  if (market.skill.certifiable && random.chance(0.35)) role.requiresCertification = true;
  role.weeksInHorizon = lineWeeksInHorizon(lineStart(), duration(), horizonWeeks);
  return role;
}

export function draftOpportunity(random: Random, index: number, roleBudget: number, accounts: Account[], offices: Office[], markets: SkillMarket[], horizonWeeks: number, lost: boolean): DraftOpportunity {
  const status = lost ? { status: 'lost' as const, stage: 'closed-lost', probability: 0 } : opportunityStatus(random);
  // Won work may already be under way; open deals start from next week on.
  const startDay = status.status === 'won' ? random.int(-56, (horizonWeeks - 1) * 7) : random.int(7, (horizonWeeks - 1) * 7);
  const expectedStart = addDays(HORIZON_START, startDay);
  const office = offices[random.weightedIndex(offices.map((o) => o.weight))];
  const id = `OPP${String(index + 1).padStart(6, '0')}`;
  const opportunity: DraftOpportunity = {
    id,
    accountId: random.pick(accounts).id,
    name: `Opportunity ${index + 1}`,
    ...status,
    closeDate: addDays(expectedStart, -random.int(7, 42)),
    expectedStart,
    durationWeeks: random.int(6, 30),
    territory: office.code,
    currency: office.currency,
    roles: [],
    updatedAt: UPDATED_AT,
  };
  const roleCount = Math.min(roleBudget, 1 + random.weightedIndex(ROLE_COUNT_WEIGHTS));
  let family: string | null = null;
  for (let role = 0; role < roleCount; role++) {
    const drafted = draftRole(random, opportunity, role, markets, family, horizonWeeks);
    family ??= markets.find((m) => m.skill.code === drafted.skill)!.skill.family.family;
    opportunity.roles.push(drafted);
  }
  return opportunity;
}

/** Scale headcounts so raw demand hours ≈ `ratio` × supply; stochastic rounding keeps the mix. */
export function calibrateHeadcounts(random: Random, opportunities: DraftOpportunity[], supplyHours: number, ratio: number): void {
  const roles = opportunities.filter((o) => o.status !== 'lost').flatMap((o) => o.roles);
  const weighted = roles.reduce((sum, role) => sum + role.hoursPerWeek * role.weeksInHorizon * role.headcountWeight, 0);
  const factor = (ratio * supplyHours) / Math.max(1, weighted);
  for (const opportunity of opportunities) {
    for (const role of opportunity.roles) {
      const scaled = role.headcountWeight * factor;
      const headcount = Math.min(12, Math.max(1, Math.floor(scaled) + (random.next() < scaled % 1 ? 1 : 0)));
      if (headcount !== 1 || random.chance(0.5)) role.headcount = headcount; // default 1 is often omitted
    }
  }
}

export function finalizeOpportunity(draft: DraftOpportunity): Opportunity {
  const roles = draft.roles.map(({ headcountWeight: _weight, weeksInHorizon: _weeks, ...role }) => role);
  const hours = roles.reduce((sum, r) => sum + r.hoursPerWeek * (r.headcount ?? 1) * (r.durationWeeks ?? draft.durationWeeks ?? 12), 0);
  return { ...draft, roles, amount: Math.round(hours * 150) };
}

export function generateAccounts(random: Random, count: number): Account[] {
  const industries = ['banking', 'retail', 'public-sector', 'healthcare', 'energy', 'manufacturing'];
  return Array.from({ length: count }, (_, index) => ({
    id: `ACC${String(index + 1).padStart(5, '0')}`,
    name: `Account ${index + 1}`,
    industry: random.pick(industries),
    segment: random.pick(['enterprise', 'mid-market']),
    updatedAt: UPDATED_AT,
  }));
}

/** Rate cards by skill × level in USD (the base); some skills also or only have EUR cards at some levels. */
export function generateRateCards(random: Random, skills: SkillEntry[]): RateCard[] {
  const cards: RateCard[] = [];
  for (const skill of skills) {
    const premium = random.range(0.85, 1.2, 0.01);
    const hasJuniorCard = random.chance(0.65); // no level-1 card: juniors bill at 0 unless a lower card exists
    const eurOnlyTopLevel = random.chance(0.15);
    const alsoEur = random.chance(0.3);
    for (let level = hasJuniorCard ? 1 : 2; level <= 5; level++) {
      const usd = Math.round(skill.family.baseBillRate * premium * LEVEL_BILL_FACTOR[level - 1]);
      const eur = Math.round((usd / EUR_RATE_TO_USD) * random.range(0.95, 1.05, 0.01));
      if (!(eurOnlyTopLevel && level === 5)) cards.push({ skill: skill.code, level, billRate: usd, currency: 'USD' });
      if ((alsoEur && level >= 3) || (eurOnlyTopLevel && level === 5)) cards.push({ skill: skill.code, level, billRate: eur, currency: 'EUR' });
    }
  }
  return cards;
}

export function exchangeRates(): ExchangeRate[] {
  return [
    { currency: 'USD', rateToBase: 1, asOf: '2026-12-31' },
    { currency: 'EUR', rateToBase: EUR_RATE_TO_USD, asOf: '2026-12-31' },
  ];
}

export function skillDefinitions(skills: SkillEntry[]): SkillDefinition[] {
  return skills.map((skill) => ({
    code: skill.code,
    name: skill.code,
    adjacent: skills.filter((other) => other !== skill && other.family === skill.family).slice(0, 3).map((other) => other.code),
  }));
}

/** A small solution catalog; generated opportunities carry explicit roles, these serve estimates and MAS. */
export function projectTypes(skills: SkillEntry[]): ProjectType[] {
  const families = [...new Set(skills.map((skill) => skill.family.family))];
  return families.map((family) => {
    const familySkills = skills.filter((skill) => skill.family.family === family).slice(0, 3);
    return {
      code: `${family}-implementation`,
      name: `${family} implementation`,
      durationWeeks: 16,
      roles: familySkills.map((skill, index) => ({ skill: skill.code, minLevel: index === 0 ? 3 : 2, hoursPerWeek: 40, headcount: index === 0 ? 1 : 2, startOffsetWeeks: index === 0 ? 0 : 2 })),
    };
  });
}
