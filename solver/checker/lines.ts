/**
 * The role lines a plan must list, re-derived from DESIGN.md §1: explicit opportunity roles replace the
 * project type's; lineId is the role id or `<opportunityId>#<n>`; a line starts expectedStart +
 * 7 × startOffsetWeeks days and covers durationWeeks ISO weeks (role, else opportunity, else project
 * type), of which only those inside the horizon are planned.
 */
import type { Opportunity, OpportunityRole, PlanLine, ProjectTypeRole, ScenarioFilters } from '../types.js';
import { dayNumber, isoDate, mondayOf } from './dates.js';
import type { ScenarioView } from './scenarioView.js';

/** The line as the plan document must list it (the checker derives its own), plus its start as a day number. */
export interface ExpectedLine extends Omit<PlanLine, 'opportunityName'> {
  startDay: number;
}

/** Won work counts fully whatever its probability field says. */
export function winProbability(opportunity: Opportunity): number {
  return opportunity.status === 'won' ? 1 : opportunity.probability;
}

/**
 * The scenario filters of a plan or forecast: opportunity subset, closing date, minimum probability
 * (compared exactly: probability ≥ P, no tolerance, as the solver does).
 */
export function passesFilters(opportunity: Opportunity, filters: ScenarioFilters): boolean {
  if (opportunity.status === 'lost') return false;
  const { opportunityIds, closingBefore, minProbability = 0 } = filters;
  // An empty list is read as "no subset chosen" (ScenarioFilters documents it), as the solver reads it.
  if (opportunityIds && opportunityIds.length > 0 && !opportunityIds.includes(opportunity.id)) return false;
  if (closingBefore && opportunity.status !== 'won' && !(opportunity.closeDate < closingBefore)) return false;
  return winProbability(opportunity) >= minProbability;
}

type RoleLike = (OpportunityRole | ProjectTypeRole) & Partial<Pick<OpportunityRole, 'id' | 'location' | 'remoteAllowed' | 'requiresCertification'>>;

/** The lines a plan must list, the opportunities that cannot be expanded, and scenario errors found on the way. */
export interface ExpectedDemand {
  lines: ExpectedLine[]; // sorted by lineId; a repeated id is listed once per occurrence
  skipped: { opportunityId: string; reason: string }[]; // sorted by opportunity id
  problems: string[]; // e.g. a fractional duration or a role id used twice
}

/** The role list of an opportunity with each role's line id: its own (non-empty) roles, else its project type's; null when it has neither. */
function rolesOf(view: ScenarioView, opportunity: Opportunity): { lineId: string; role: RoleLike }[] | null {
  if (opportunity.roles && opportunity.roles.length > 0) {
    return opportunity.roles.map((role) => ({ lineId: role.id, role }));
  }
  const projectType = opportunity.projectType ? view.projectTypes.get(opportunity.projectType) : undefined;
  if (!projectType) return null;
  return projectType.roles.map((role, index) => ({ lineId: `${opportunity.id}#${index + 1}`, role }));
}

/** Duration from the role, else the opportunity, else the project type; undefined when none gives one. */
function durationOf(view: ScenarioView, opportunity: Opportunity, role: RoleLike): number | undefined {
  const projectType = opportunity.projectType ? view.projectTypes.get(opportunity.projectType) : undefined;
  return role.durationWeeks ?? opportunity.durationWeeks ?? projectType?.durationWeeks ?? undefined;
}

function lineOf(opportunity: Opportunity, lineId: string, role: RoleLike, duration: number, inHorizon: ReadonlySet<number>): ExpectedLine | null {
  const startDay = dayNumber(opportunity.expectedStart) + 7 * (role.startOffsetWeeks ?? 0);
  const firstMonday = mondayOf(startDay);
  const weeks: string[] = [];
  for (let week = 0; week < duration; week += 1) {
    const monday = firstMonday + 7 * week;
    if (inHorizon.has(monday)) weeks.push(isoDate(monday));
  }
  if (weeks.length === 0) return null;
  return {
    lineId,
    opportunityId: opportunity.id,
    skill: role.skill,
    minLevel: role.minLevel,
    hoursPerWeek: role.hoursPerWeek,
    headcount: role.headcount ?? 1,
    probability: winProbability(opportunity),
    start: isoDate(startDay),
    startDay,
    weeks,
    ...(role.location !== undefined ? { location: role.location } : {}),
    remoteAllowed: role.remoteAllowed ?? false,
    requiresCertification: role.requiresCertification ?? false,
  };
}

/** The lines of one opportunity, or why it is skipped; a duration that is not a whole number ≥ 0 is a problem. */
function linesOfOpportunity(view: ScenarioView, opportunity: Opportunity, inHorizon: ReadonlySet<number>, problems: string[]): { lineId: string; line: ExpectedLine | null }[] | string {
  const roles = rolesOf(view, opportunity);
  if (!roles) return opportunity.projectType === undefined ? 'no roles and no project type' : `no roles and unknown project type ${opportunity.projectType}`;
  const durations: number[] = [];
  for (const { lineId, role } of roles) {
    const duration = durationOf(view, opportunity, role);
    if (duration === undefined) return `role line ${lineId} has no duration anywhere`;
    durations.push(duration);
  }
  return roles.map(({ lineId, role }, index) => {
    const duration = durations[index]!;
    if (Number.isInteger(duration) && duration >= 0) return { lineId, line: lineOf(opportunity, lineId, role, duration, inHorizon) };
    problems.push(`scenario: line ${lineId} of opportunity ${opportunity.id} has durationWeeks ${JSON.stringify(duration)}, not a whole number ≥ 0`);
    return { lineId, line: null };
  });
}

/** Every non-lost line passing the filters with at least one week in the horizon, with the skipped opportunities. */
export function expectedDemand(view: ScenarioView, mondays: readonly number[], filters: ScenarioFilters): ExpectedDemand {
  const inHorizon = new Set(mondays);
  const lines: ExpectedLine[] = [];
  const skipped: ExpectedDemand['skipped'] = [];
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const opportunity of view.opportunities) {
    if (!passesFilters(opportunity, filters)) continue;
    const found = linesOfOpportunity(view, opportunity, inHorizon, problems);
    if (typeof found === 'string') {
      skipped.push({ opportunityId: opportunity.id, reason: found });
      continue;
    }
    // Line ids are unique over whole lines, not only over the weeks inside the horizon (as the solver checks).
    for (const { lineId, line } of found) {
      const first = owner.get(lineId);
      if (first !== undefined) problems.push(`scenario: role line id ${lineId} is used twice (opportunities ${first} and ${opportunity.id})`);
      else owner.set(lineId, opportunity.id);
      if (line) lines.push(line);
    }
  }
  lines.sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
  return { lines, skipped, problems };
}

/** The lines alone (capacity forecast checks). */
export function expectedLines(view: ScenarioView, mondays: readonly number[], filters: ScenarioFilters): ExpectedLine[] {
  return expectedDemand(view, mondays, filters).lines;
}
