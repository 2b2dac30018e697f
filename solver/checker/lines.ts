/**
 * The role lines a plan must list, re-derived from DESIGN.md §1: explicit opportunity roles replace the
 * project type's; lineId is the role id or `<opportunityId>#<n>`; a line starts expectedStart +
 * 7 × startOffsetWeeks days and covers durationWeeks ISO weeks (role, else opportunity, else project
 * type), of which only those inside the horizon are planned.
 */
import type { Opportunity, OpportunityRole, ProjectTypeRole, ScenarioFilters } from '../types.js';
import { dayNumber, isoDate, mondayOf } from './dates.js';
import type { ScenarioView } from './scenarioView.js';

export interface ExpectedLine {
  lineId: string;
  opportunityId: string;
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount: number;
  probability: number;
  start: string; // the line's start day
  startDay: number;
  weeks: string[]; // its weeks inside the horizon
  location?: string;
  remoteAllowed: boolean;
  requiresCertification: boolean;
}

/** Won work counts fully whatever its probability field says. */
export function winProbability(opportunity: Opportunity): number {
  return opportunity.status === 'won' ? 1 : opportunity.probability;
}

/** The scenario filters of a plan or forecast: opportunity subset, closing date, minimum probability. */
export function passesFilters(opportunity: Opportunity, filters: ScenarioFilters): boolean {
  if (opportunity.status === 'lost') return false;
  const { opportunityIds, closingBefore, minProbability = 0 } = filters;
  // An empty list is read as "no subset chosen", the way an echoed option arrives from a form.
  if (opportunityIds && opportunityIds.length > 0 && !opportunityIds.includes(opportunity.id)) return false;
  if (closingBefore && opportunity.status !== 'won' && !(opportunity.closeDate < closingBefore)) return false;
  return winProbability(opportunity) >= minProbability - 1e-12;
}

type RoleLike = (OpportunityRole | ProjectTypeRole) & Partial<Pick<OpportunityRole, 'id' | 'location' | 'remoteAllowed' | 'requiresCertification'>>;

/** The role list of an opportunity with each role's line id: its own roles, else its project type's. */
function rolesOf(view: ScenarioView, opportunity: Opportunity): { lineId: string; role: RoleLike }[] {
  if (opportunity.roles && opportunity.roles.length > 0) {
    return opportunity.roles.map((role) => ({ lineId: role.id, role }));
  }
  const projectType = opportunity.projectType ? view.projectTypes.get(opportunity.projectType) : undefined;
  return (projectType?.roles ?? []).map((role, index) => ({ lineId: `${opportunity.id}#${index + 1}`, role }));
}

function durationOf(view: ScenarioView, opportunity: Opportunity, role: RoleLike): number {
  const projectType = opportunity.projectType ? view.projectTypes.get(opportunity.projectType) : undefined;
  return role.durationWeeks ?? opportunity.durationWeeks ?? projectType?.durationWeeks ?? 0;
}

/** Every non-lost line passing the filters with at least one week in the horizon, sorted by lineId. */
export function expectedLines(view: ScenarioView, mondays: readonly number[], filters: ScenarioFilters): ExpectedLine[] {
  const inHorizon = new Set(mondays);
  const lines: ExpectedLine[] = [];
  for (const opportunity of view.opportunities) {
    if (!passesFilters(opportunity, filters)) continue;
    for (const { lineId, role } of rolesOf(view, opportunity)) {
      const startDay = dayNumber(opportunity.expectedStart) + 7 * (role.startOffsetWeeks ?? 0);
      const firstMonday = mondayOf(startDay);
      const duration = durationOf(view, opportunity, role);
      const weeks: string[] = [];
      for (let week = 0; week < duration; week += 1) {
        const monday = firstMonday + 7 * week;
        if (inHorizon.has(monday)) weeks.push(isoDate(monday));
      }
      if (weeks.length === 0) continue;
      lines.push({
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
      });
    }
  }
  return lines.sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
}
