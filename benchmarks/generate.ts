/**
 * Seeded, realistic scenario generator for the benchmark sizes (issue 7). The same (size, seed) gives
 * the same canonical Scenario byte for byte; scenarios are cached under benchmarks/cache/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CurrentAssignment, Employee, LeadForecast, Scenario, TimeOff } from '../solver/types.js';
import { OFFICES, holidayCalendar, skillCatalog } from './catalog.js';
import {
  calibrateHeadcounts, draftOpportunity, exchangeRates, finalizeOpportunity, generateAccounts, generateRateCards,
  projectTypes, skillDefinitions, type DraftOpportunity,
} from './generate-demand.js';
import {
  UPDATED_AT, estimateSupplyHours, generateAssignments, generateEmployee, generateTimeOff, sizeSeedKey, type SkillMarket,
} from './generate-people.js';
import { createRandom, type Random } from './random.js';
import type { BenchmarkSize } from './sizes.js';

/** Raw demand hours over supply hours the generator aims at: a little more work than people. */
export const DEMAND_TO_SUPPLY = 1.05;
const SCARCITY = [0.5, 0.75, 0.9, 1, 1, 1.15, 1.4, 1.8]; // per-skill demand multipliers: slack to scarce

export function cacheDirectory(): string {
  return resolve(process.env.STAFFPLAN_BENCH_CACHE ?? join(process.cwd(), 'benchmarks', 'cache'));
}

export function scenarioCachePath(size: BenchmarkSize, seed: number): string {
  return join(cacheDirectory(), `${size.name}-seed${seed}.scenario.json`);
}

function skillMarkets(random: Random, size: BenchmarkSize): SkillMarket[] {
  return skillCatalog(size.skills).map((skill) => {
    const supplyWeight = random.range(0.4, 1.6, 0.01);
    return { skill, supplyWeight, demandWeight: supplyWeight * random.pick(SCARCITY) };
  });
}

function generateSupply(random: Random, size: BenchmarkSize, markets: SkillMarket[]) {
  const offices = OFFICES.slice(0, size.locations);
  const employees: Employee[] = [];
  const timeOff: TimeOff[] = [];
  const assignments: CurrentAssignment[] = [];
  const ptoSequence = { next: 0 };
  const assignmentSequence = { next: 0 };
  let supplyHours = 0;
  for (let index = 0; index < size.people; index++) {
    const employee = generateEmployee(random, index, offices, markets, size.weeks);
    const commitments = generateAssignments(random, employee, size.weeks, assignmentSequence);
    employees.push(employee);
    timeOff.push(...generateTimeOff(random, employee, size.weeks, ptoSequence));
    assignments.push(...commitments);
    supplyHours += estimateSupplyHours(employee, commitments, size.weeks);
  }
  return { offices, employees, timeOff, assignments, supplyHours };
}

function generatePipeline(random: Random, size: BenchmarkSize, markets: SkillMarket[], supply: ReturnType<typeof generateSupply>) {
  const accounts = generateAccounts(random, Math.max(5, Math.round(size.lines / 6)));
  const drafts: DraftOpportunity[] = [];
  let linesLeft = size.lines;
  while (linesLeft > 0) {
    const draft = draftOpportunity(random, drafts.length, linesLeft, accounts, supply.offices, markets, size.weeks, false);
    drafts.push(draft);
    linesLeft -= draft.roles.length;
    // A few lost deals stay in the CRM export: the planner must ignore them.
    if (random.chance(0.05)) drafts.push(draftOpportunity(random, drafts.length, 3, accounts, supply.offices, markets, size.weeks, true));
  }
  calibrateHeadcounts(random, drafts, supply.supplyHours, DEMAND_TO_SUPPLY);
  return { accounts, opportunities: drafts.map(finalizeOpportunity) };
}

function leadForecasts(random: Random, scenario: Scenario): LeadForecast[] {
  return (scenario.projectTypes ?? []).map((type, index) => ({
    id: `MAS${String(index + 1).padStart(4, '0')}`,
    period: '2027-04',
    projectType: type.code,
    leads: random.int(5, 40),
    leadToOpportunityRate: random.range(0.1, 0.3, 0.01),
    winRate: random.range(0.2, 0.4, 0.01),
    lagWeeks: random.int(4, 10),
    updatedAt: UPDATED_AT,
  }));
}

export function generateScenario(size: BenchmarkSize, seed: number): Scenario {
  const random = createRandom(sizeSeedKey(size, seed));
  const markets = skillMarkets(random, size);
  const supply = generateSupply(random, size, markets);
  const pipeline = generatePipeline(random, size, markets, supply);
  const skills = markets.map((market) => market.skill);
  const scenario: Scenario = {
    employees: supply.employees,
    timeOff: supply.timeOff,
    assignments: supply.assignments,
    holidayCalendars: supply.offices.map(holidayCalendar),
    accounts: pipeline.accounts,
    opportunities: pipeline.opportunities,
    projectTypes: projectTypes(skills),
    skills: skillDefinitions(skills),
    rateCards: generateRateCards(random, skills),
    exchangeRates: exchangeRates(),
    hiringPolicy: { defaultLeadTimeWeeks: 8, contractorRateMultiplier: 1.4, contractorLeadTimeWeeks: 2, minFteGap: 0.5, minShortageWeeks: 3 },
  };
  scenario.leadForecasts = leadForecasts(random, scenario);
  return scenario;
}

/** The cached scenario for (size, seed), generating and caching it on first use. */
export function loadOrGenerateScenario(size: BenchmarkSize, seed: number): { scenario: Scenario; path: string; cached: boolean } {
  const path = scenarioCachePath(size, seed);
  if (existsSync(path)) return { scenario: JSON.parse(readFileSync(path, 'utf8')) as Scenario, path, cached: true };
  const scenario = generateScenario(size, seed);
  mkdirSync(cacheDirectory(), { recursive: true });
  writeFileSync(path, JSON.stringify(scenario));
  return { scenario, path, cached: false };
}
