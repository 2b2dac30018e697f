/**
 * The scope an estimate prices: the role lines of an opportunity, or of an inline scope, laid out from a
 * candidate start date with the staffing plan's rules (DESIGN.md §1): a line starts on
 * start + 7 × startOffsetWeeks and covers durationWeeks ISO weeks (role's, else the scope's or
 * opportunity's, else the project type's). Bad input is a ScenarioError naming the field.
 */
import { lineSchedule, roleSpecs } from '../demand/lines.js';
import { ScenarioError } from '../errors.js';
import type { IsoDate, Opportunity, PlanLine, Scenario } from '../types.js';
import type { EstimateRequest, EstimateScope } from './types.js';

/** Where the lines come from: the opportunity (real or built from the inline scope). */
export interface ScopeSource {
  opportunity: Opportunity;
  opportunityId?: string;
  currency?: string;
}

function checkNumber(value: unknown, path: string, rule: (n: number) => boolean, expected: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !rule(value)) {
    throw new ScenarioError(path, `expected ${expected}, got ${JSON.stringify(value)}`);
  }
}

function checkRoles(roles: NonNullable<EstimateScope['roles']>, path: string): void {
  roles.forEach((role, i) => {
    const at = `${path}[${i}]`;
    if (typeof role.skill !== 'string' || role.skill === '') throw new ScenarioError(`${at}.skill`, 'expected a skill code');
    checkNumber(role.minLevel, `${at}.minLevel`, (n) => n >= 0 && n <= 5, 'a level from 0 to 5');
    checkNumber(role.hoursPerWeek, `${at}.hoursPerWeek`, (n) => n > 0 && n <= 168, 'hours per week above 0 and at most 168');
    if (role.headcount !== undefined) checkNumber(role.headcount, `${at}.headcount`, (n) => Number.isInteger(n) && n >= 1, 'a whole headcount ≥ 1');
    if (role.durationWeeks !== undefined) checkNumber(role.durationWeeks, `${at}.durationWeeks`, (n) => Number.isInteger(n) && n >= 1 && n <= 520, 'whole weeks from 1 to 520');
    if (role.startOffsetWeeks !== undefined) checkNumber(role.startOffsetWeeks, `${at}.startOffsetWeeks`, (n) => Number.isInteger(n) && n >= 0, 'whole weeks ≥ 0');
  });
}

/** An inline scope as an opportunity, so it expands exactly like CRM demand. */
function scopeOpportunity(scope: EstimateScope): Opportunity {
  const roles = scope.roles ?? [];
  if (roles.length === 0 && scope.projectType === undefined) throw new ScenarioError('scope.roles', 'the scope has no role lines (give roles or a projectType)');
  checkRoles(roles, 'scope.roles');
  if (scope.durationWeeks !== undefined) checkNumber(scope.durationWeeks, 'scope.durationWeeks', (n) => Number.isInteger(n) && n >= 1 && n <= 520, 'whole weeks from 1 to 520');
  return {
    id: 'scope',
    accountId: '',
    name: 'inline scope',
    stage: 'estimate',
    probability: 1,
    closeDate: scope.expectedStart,
    expectedStart: scope.expectedStart,
    status: 'open',
    updatedAt: '',
    ...(scope.durationWeeks !== undefined ? { durationWeeks: scope.durationWeeks } : {}),
    ...(scope.projectType !== undefined ? { projectType: scope.projectType } : {}),
    roles: roles.map((role, i) => ({ ...role, id: role.id ?? `scope#${i + 1}`, ...(role.location ?? scope.location ? { location: role.location ?? scope.location } : {}) })),
  };
}

/** The opportunity (or inline scope) the request names; unknown ids and empty scopes are errors. */
export function scopeSource(scenario: Scenario, request: EstimateRequest): ScopeSource {
  if (request.opportunityId !== undefined && request.scope !== undefined) throw new ScenarioError('opportunityId', 'give an opportunityId or a scope, not both');
  if (request.opportunityId !== undefined) {
    const opportunity = (scenario.opportunities ?? []).find((o) => o.id === request.opportunityId);
    if (!opportunity) throw new ScenarioError('opportunityId', `unknown opportunity ${JSON.stringify(request.opportunityId)}`);
    if (opportunity.roles && opportunity.roles.length > 0) checkRoles(opportunity.roles, `opportunities[${opportunity.id}].roles`);
    return { opportunity, opportunityId: opportunity.id, currency: opportunity.currency };
  }
  if (request.scope === undefined || request.scope === null) throw new ScenarioError('scope', 'give an opportunityId or a scope');
  if (typeof request.scope.expectedStart !== 'string') throw new ScenarioError('scope.expectedStart', 'expected a date YYYY-MM-DD');
  return { opportunity: scopeOpportunity(request.scope), currency: undefined };
}

function durationOf(opportunity: Opportunity, scenario: Scenario, roleWeeks: number | undefined, lineId: string): number {
  const typeWeeks = opportunity.projectType ? (scenario.projectTypes ?? []).find((t) => t.code === opportunity.projectType)?.durationWeeks : undefined;
  const weeks = roleWeeks ?? opportunity.durationWeeks ?? typeWeeks;
  if (weeks === undefined || !Number.isInteger(weeks) || weeks < 1) throw new ScenarioError(`roles[${lineId}].durationWeeks`, 'no whole-number duration on the role, scope/opportunity or project type');
  return weeks;
}

/** Every line of the scope over its whole duration when the work starts on `start`. */
export function scopeLines(source: ScopeSource, scenario: Scenario, start: IsoDate): PlanLine[] {
  const { opportunity } = source;
  const lines = roleSpecs(opportunity, scenario).map((spec): PlanLine => {
    const { start: lineStart, weeks } = lineSchedule(start, spec.startOffsetWeeks, durationOf(opportunity, scenario, spec.durationWeeks, spec.lineId), 'window.from');
    return {
      lineId: spec.lineId,
      opportunityId: opportunity.id,
      skill: spec.skill,
      minLevel: spec.minLevel,
      hoursPerWeek: spec.hoursPerWeek,
      headcount: spec.headcount,
      weeks,
      probability: 1,
      start: lineStart,
      ...(spec.location !== undefined ? { location: spec.location } : {}),
      remoteAllowed: spec.remoteAllowed,
      requiresCertification: spec.requiresCertification,
    };
  });
  if (lines.length === 0) throw new ScenarioError('scope.roles', 'the scope has no role lines');
  return lines;
}
