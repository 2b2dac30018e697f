/**
 * Role lines: what each opportunity asks for, week by week (DESIGN.md §1 and §3). Explicit `roles`
 * replace the project type's; a project-type line is named `<opportunityId>#<n>` (1-based). A line
 * starts on expectedStart + 7 × startOffsetWeeks and covers durationWeeks ISO weeks from the week that
 * contains its start; only the weeks inside the horizon are kept.
 */
import { horizonWeeks, mondayOf, toDayNumber, toIsoDate } from '../calendar/dates.js';
import { ScenarioError } from '../errors.js';
import { normalizeScenario } from '../scenario.js';
import type { Horizon, IsoDate, Opportunity, PlanLine, ProjectType, Scenario, ScenarioFilters } from '../types.js';

/** A role as the opportunity or its project type states it, before dates are worked out. */
interface RoleSpec {
  lineId: string;
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount: number;
  startOffsetWeeks: number;
  durationWeeks?: number;
  location?: string;
  remoteAllowed: boolean;
  requiresCertification: boolean;
}

/** Won work is certain, lost work is ignored (null), open work counts at its probability. */
export function winProbability(opportunity: Pick<Opportunity, 'status' | 'probability'>): number | null {
  if (opportunity.status === 'won') return 1;
  if (opportunity.status === 'lost') return null;
  return opportunity.probability;
}

/** The filters of a plan or forecast request (DESIGN.md §1: minProbability keeps probability ≥ P). */
export function passesFilters(opportunity: Opportunity, probability: number, filters: ScenarioFilters): boolean {
  if (filters.opportunityIds && !filters.opportunityIds.includes(opportunity.id)) return false;
  if (probability < (filters.minProbability ?? 0)) return false;
  const won = opportunity.status === 'won';
  if (filters.closingBefore && !won && !(opportunity.closeDate < filters.closingBefore)) return false;
  return true;
}

/** Raw hours a line demands in each of its weeks. */
export function weeklyDemandHours(line: Pick<PlanLine, 'hoursPerWeek' | 'headcount'>): number {
  return line.hoursPerWeek * line.headcount;
}

/** Hours weighted by win probability: what the plan expects to need. */
export function expectedHours(hours: number, probability: number): number {
  return hours * probability;
}

function projectTypeOf(scenario: Scenario, code: string | undefined, path: string): ProjectType {
  const type = code === undefined ? undefined : (scenario.projectTypes ?? []).find((t) => t.code === code);
  if (!type) throw new ScenarioError(path, `unknown project type ${JSON.stringify(code)} and no explicit roles`);
  return type;
}

/** Explicit roles when present, else the project type's roles named `<idPrefix>#<n>`. */
export function roleSpecs(opportunity: Opportunity, scenario: Scenario, idPrefix = opportunity.id): RoleSpec[] {
  if (opportunity.roles && opportunity.roles.length > 0) {
    return opportunity.roles.map((role) => ({
      lineId: role.id,
      skill: role.skill,
      minLevel: role.minLevel,
      hoursPerWeek: role.hoursPerWeek,
      headcount: role.headcount ?? 1,
      startOffsetWeeks: role.startOffsetWeeks ?? 0,
      durationWeeks: role.durationWeeks,
      location: role.location,
      remoteAllowed: role.remoteAllowed ?? false,
      requiresCertification: role.requiresCertification ?? false,
    }));
  }
  const type = projectTypeOf(scenario, opportunity.projectType, `opportunities[${opportunity.id}].projectType`);
  return type.roles.map((role, i) => ({
    lineId: `${idPrefix}#${i + 1}`,
    skill: role.skill,
    minLevel: role.minLevel,
    hoursPerWeek: role.hoursPerWeek,
    headcount: role.headcount ?? 1,
    startOffsetWeeks: role.startOffsetWeeks ?? 0,
    durationWeeks: role.durationWeeks,
    remoteAllowed: false,
    requiresCertification: false,
  }));
}

/** Duration: the role's, else the opportunity's, else the project type's. */
function lineDuration(spec: RoleSpec, opportunity: Opportunity, scenario: Scenario): number {
  const typeDuration = opportunity.projectType
    ? (scenario.projectTypes ?? []).find((t) => t.code === opportunity.projectType)?.durationWeeks
    : undefined;
  const weeks = spec.durationWeeks ?? opportunity.durationWeeks ?? typeDuration;
  if (weeks === undefined || !Number.isInteger(weeks) || weeks < 0) {
    throw new ScenarioError(`opportunities[${opportunity.id}].roles[${spec.lineId}].durationWeeks`, 'no whole-number duration on the role, opportunity or project type');
  }
  return weeks;
}

/** The line's start day and the Mondays of all the weeks it covers. */
export function lineSchedule(expectedStart: IsoDate, startOffsetWeeks: number, durationWeeks: number, path: string): { start: IsoDate; weeks: IsoDate[] } {
  const start = toDayNumber(expectedStart, path) + 7 * startOffsetWeeks;
  const firstMonday = mondayOf(start);
  return { start: toIsoDate(start), weeks: Array.from({ length: durationWeeks }, (_, w) => toIsoDate(firstMonday + 7 * w)) };
}

/** Every line of the opportunity over its whole duration, or [] for lost work. */
export function expandOpportunity(opportunity: Opportunity, scenario: Scenario): PlanLine[] {
  const probability = winProbability(opportunity);
  if (probability === null) return [];
  return roleSpecs(opportunity, scenario).map((spec) => {
    const duration = lineDuration(spec, opportunity, scenario);
    const { start, weeks } = lineSchedule(opportunity.expectedStart, spec.startOffsetWeeks, duration, `opportunities[${opportunity.id}].expectedStart`);
    return {
      lineId: spec.lineId,
      opportunityId: opportunity.id,
      opportunityName: opportunity.name,
      skill: spec.skill,
      minLevel: spec.minLevel,
      hoursPerWeek: spec.hoursPerWeek,
      headcount: spec.headcount,
      weeks,
      probability,
      start,
      ...(spec.location !== undefined ? { location: spec.location } : {}),
      remoteAllowed: spec.remoteAllowed,
      requiresCertification: spec.requiresCertification,
    };
  });
}

/** The line with only its weeks inside the horizon, or null when none is. */
export function clipToHorizon<T extends PlanLine>(line: T, weeksInHorizon: ReadonlySet<IsoDate>): T | null {
  const weeks = line.weeks.filter((w) => weeksInHorizon.has(w));
  return weeks.length > 0 ? { ...line, weeks } : null;
}

function byLineId(a: PlanLine, b: PlanLine): number {
  return a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0;
}

/**
 * The CRM demand a plan or forecast works on: every non-lost line passing the filters that has a week
 * in the horizon, with only those weeks, sorted by lineId.
 */
export function demandLines(scenario: Scenario, horizon: Horizon, filters: ScenarioFilters = {}): PlanLine[] {
  const normalized = normalizeScenario(scenario);
  const inHorizon = new Set(horizonWeeks(horizon));
  const lines: PlanLine[] = [];
  const seen = new Set<string>();
  for (const opportunity of normalized.opportunities ?? []) {
    const probability = winProbability(opportunity);
    if (probability === null || !passesFilters(opportunity, probability, filters)) continue;
    for (const line of expandOpportunity(opportunity, normalized)) {
      if (seen.has(line.lineId)) throw new ScenarioError(`opportunities[${opportunity.id}].roles`, `role id ${line.lineId} is used twice`);
      seen.add(line.lineId);
      const clipped = clipToHorizon(line, inHorizon);
      if (clipped) lines.push(clipped);
    }
  }
  return lines.sort(byLineId);
}
