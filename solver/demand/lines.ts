/**
 * Role lines: what each opportunity asks for, week by week (DESIGN.md §1 and §3). Explicit `roles`
 * replace the project type's; a project-type line is named `<opportunityId>#<n>` (1-based). A line
 * starts on expectedStart + 7 × startOffsetWeeks and covers durationWeeks ISO weeks from the week that
 * contains its start; only the weeks inside the horizon are kept.
 */
import { horizonWeeks, mondayOf, toDayNumber, toIsoDate } from '../calendar/dates.js';
import { ScenarioError } from '../errors.js';
import { normalizeScenario } from '../scenario.js';
import type { Horizon, IsoDate, Opportunity, OpportunityRole, PlanLine, ProjectType, ProjectTypeRole, Scenario, ScenarioFilters } from '../types.js';

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

/** An opportunity left out of the demand because it cannot be expanded into role lines. */
export interface SkippedOpportunity {
  opportunityId: string;
  reason: string;
}

/** Demand lines with the opportunities that were skipped, as the plan document reports them. */
export interface DemandWithWarnings {
  lines: PlanLine[];
  skipped: SkippedOpportunity[];
}

/** Won work is certain, lost work is ignored (null), open work counts at its probability. */
export function winProbability(opportunity: Pick<Opportunity, 'status' | 'probability'>): number | null {
  if (opportunity.status === 'won') return 1;
  if (opportunity.status === 'lost') return null;
  return opportunity.probability;
}

/**
 * The filters of a plan or forecast request (DESIGN.md §1: minProbability keeps probability ≥ P,
 * compared exactly). An empty `opportunityIds` list is no filter, like an absent one.
 */
export function passesFilters(opportunity: Opportunity, probability: number, filters: ScenarioFilters): boolean {
  const ids = filters.opportunityIds;
  if (ids && ids.length > 0 && !ids.includes(opportunity.id)) return false;
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

/** One mapper for both role sources; a project-type role has no location and the defaults apply. */
function roleSpec(role: ProjectTypeRole & Partial<OpportunityRole>, lineId: string): RoleSpec {
  return {
    lineId,
    skill: role.skill,
    minLevel: role.minLevel,
    hoursPerWeek: role.hoursPerWeek,
    headcount: role.headcount ?? 1,
    startOffsetWeeks: role.startOffsetWeeks ?? 0,
    durationWeeks: role.durationWeeks,
    ...(role.location !== undefined ? { location: role.location } : {}),
    remoteAllowed: role.remoteAllowed ?? false,
    requiresCertification: role.requiresCertification ?? false,
  };
}

function projectTypeOf(scenario: Scenario, code: string | undefined): ProjectType | undefined {
  return code === undefined ? undefined : (scenario.projectTypes ?? []).find((t) => t.code === code);
}

/** Explicit roles when present (non-empty), else the project type's roles; a string says why neither exists. */
function roleSource(opportunity: Opportunity, scenario: Scenario, idPrefix: string): RoleSpec[] | string {
  if (opportunity.roles && opportunity.roles.length > 0) return opportunity.roles.map((role) => roleSpec(role, role.id));
  if (opportunity.projectType === undefined) return 'it has no roles and no project type';
  const type = projectTypeOf(scenario, opportunity.projectType);
  if (!type) return `it has no roles and its project type ${JSON.stringify(opportunity.projectType)} is unknown`;
  return type.roles.map((role, i) => roleSpec(role, `${idPrefix}#${i + 1}`));
}

/** Explicit roles when present, else the project type's roles named `<idPrefix>#<n>`; throws when neither exists. */
export function roleSpecs(opportunity: Opportunity, scenario: Scenario, idPrefix = opportunity.id): RoleSpec[] {
  const specs = roleSource(opportunity, scenario, idPrefix);
  if (typeof specs === 'string') throw new ScenarioError(`opportunities[${opportunity.id}].projectType`, specs);
  return specs;
}

/**
 * Duration: the role's, else the opportunity's, else the project type's; undefined when none gives one.
 * A duration that is given must be a whole number ≥ 0 (else the scenario is wrong: ScenarioError).
 */
function lineDuration(spec: RoleSpec, opportunity: Opportunity, scenario: Scenario): number | undefined {
  const weeks = spec.durationWeeks ?? opportunity.durationWeeks ?? projectTypeOf(scenario, opportunity.projectType)?.durationWeeks;
  if (weeks === undefined || weeks === null) return undefined;
  if (!Number.isInteger(weeks) || weeks < 0) {
    throw new ScenarioError(`opportunities[${opportunity.id}].roles[${spec.lineId}].durationWeeks`, `expected a whole number of weeks ≥ 0, got ${JSON.stringify(weeks)}`);
  }
  return weeks;
}

/** The line's start day and the Mondays of all the weeks it covers. */
export function lineSchedule(expectedStart: IsoDate, startOffsetWeeks: number, durationWeeks: number, path: string): { start: IsoDate; weeks: IsoDate[] } {
  const start = toDayNumber(expectedStart, path) + 7 * startOffsetWeeks;
  const firstMonday = mondayOf(start);
  return { start: toIsoDate(start), weeks: Array.from({ length: durationWeeks }, (_, w) => toIsoDate(firstMonday + 7 * w)) };
}

function toPlanLine(spec: RoleSpec, opportunity: Opportunity, probability: number, durationWeeks: number): PlanLine {
  const { start, weeks } = lineSchedule(opportunity.expectedStart, spec.startOffsetWeeks, durationWeeks, `opportunities[${opportunity.id}].expectedStart`);
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
}

/**
 * Every line of a non-lost opportunity over its whole duration, or why it cannot be expanded: neither
 * (non-empty) roles nor a known project type, or a line without a duration anywhere. One line that
 * cannot be dated skips the whole opportunity, so a deal is never half-planned.
 */
export function expandOrSkip(opportunity: Opportunity, scenario: Scenario, probability: number): PlanLine[] | string {
  const specs = roleSource(opportunity, scenario, opportunity.id);
  if (typeof specs === 'string') return specs;
  const lines: PlanLine[] = [];
  for (const spec of specs) {
    const duration = lineDuration(spec, opportunity, scenario);
    if (duration === undefined) return `role line ${spec.lineId} has no durationWeeks on the role, the opportunity or a known project type`;
    lines.push(toPlanLine(spec, opportunity, probability, duration));
  }
  return lines;
}

/** Every line of the opportunity over its whole duration, or [] for lost work; throws when it cannot be expanded. */
export function expandOpportunity(opportunity: Opportunity, scenario: Scenario): PlanLine[] {
  const probability = winProbability(opportunity);
  if (probability === null) return [];
  const lines = expandOrSkip(opportunity, scenario, probability);
  if (typeof lines === 'string') throw new ScenarioError(`opportunities[${opportunity.id}].projectType`, lines);
  return lines;
}

/** The warning a plan document carries for a skipped opportunity (the checker reads the id back). */
export function skippedWarning(skipped: SkippedOpportunity): string {
  return `opportunity ${skipped.opportunityId} skipped: ${skipped.reason}`;
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
 * in the horizon, with only those weeks, sorted by lineId; opportunities that cannot be expanded are
 * skipped and listed (sorted by id) instead of failing the whole plan.
 */
export function demandWithWarnings(scenario: Scenario, horizon: Horizon, filters: ScenarioFilters = {}): DemandWithWarnings {
  const normalized = normalizeScenario(scenario);
  const inHorizon = new Set(horizonWeeks(horizon));
  const lines: PlanLine[] = [];
  const skipped: SkippedOpportunity[] = [];
  const seen = new Set<string>();
  for (const opportunity of normalized.opportunities ?? []) {
    const probability = winProbability(opportunity);
    if (probability === null || !passesFilters(opportunity, probability, filters)) continue;
    const expanded = expandOrSkip(opportunity, normalized, probability);
    if (typeof expanded === 'string') {
      skipped.push({ opportunityId: opportunity.id, reason: expanded });
      continue;
    }
    for (const line of expanded) {
      if (seen.has(line.lineId)) throw new ScenarioError(`opportunities[${opportunity.id}].roles`, `role id ${line.lineId} is used twice`);
      seen.add(line.lineId);
      const clipped = clipToHorizon(line, inHorizon);
      if (clipped) lines.push(clipped);
    }
  }
  return { lines: lines.sort(byLineId), skipped };
}

/** The lines of demandWithWarnings alone (forecasts, hiring and pricing do not report skipped deals). */
export function demandLines(scenario: Scenario, horizon: Horizon, filters: ScenarioFilters = {}): PlanLine[] {
  return demandWithWarnings(scenario, horizon, filters).lines;
}
