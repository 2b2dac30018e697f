import { In, Not, type EntityManager } from 'typeorm';
import type { Opportunity } from '../../../solver/types.js';
import { ProjectTypeEntity } from '../catalog/project-type.entity.js';
import type { ReferenceChecker, ReferenceProblem } from '../shared/collection-spec.js';
import { OpportunityEntity, OpportunityRoleEntity } from './opportunity.entity.js';

/**
 * Store-dependent rules of an opportunity, so that every live (open or won) one accepted can be expanded
 * into role lines (the solver would otherwise have to skip it); lost deals are never expanded:
 * - without explicit roles (absent or an empty list) its demand comes from its project type, which must
 *   be in the store;
 * - every line needs a duration: the role's, else the opportunity's, else the project type's (which must
 *   then be in the store);
 * - role ids are line ids, unique across all opportunities: a role id another opportunity holds is refused.
 */
export async function opportunityReferences(manager: EntityManager, records: Opportunity[]): Promise<ReferenceChecker<Opportunity>> {
  const projectTypes = await existingProjectTypes(manager, records);
  const roleOwner = await storedRoleOwners(manager, records);
  return {
    check: (record) => [...expansionProblems(record, projectTypes), ...roleIdProblems(record, roleOwner)],
    accept: (record) => {
      for (const [roleId, owner] of roleOwner) if (owner === record.id) roleOwner.delete(roleId);
      for (const role of record.roles ?? []) roleOwner.set(role.id, record.id);
    },
  };
}

/** Lost deals are never expanded (DESIGN.md §1), so only live ones must have roles and durations. */
function expansionProblems(record: Opportunity, known: Set<string>): ReferenceProblem[] {
  if (record.status === 'lost') return [];
  return [...projectTypeProblems(record, known), ...durationProblems(record, known)];
}

function hasExplicitRoles(record: Opportunity): boolean {
  return record.roles !== undefined && record.roles.length > 0;
}

function projectTypeProblems(record: Opportunity, known: Set<string>): ReferenceProblem[] {
  if (hasExplicitRoles(record)) return [];
  if (record.projectType === undefined) {
    return [{ field: 'projectType', rule: 'roleSource', message: 'an opportunity needs non-empty `roles` or a `projectType` to expand into role lines' }];
  }
  if (known.has(record.projectType)) return [];
  return [{ field: 'projectType', rule: 'knownProjectType', message: `project type ${record.projectType} is not in the store (send it to /v1/catalog/project-types first)` }];
}

/** Explicit roles without their own duration take the opportunity's, else the (stored) project type's. */
function durationProblems(record: Opportunity, known: Set<string>): ReferenceProblem[] {
  if (!hasExplicitRoles(record) || record.durationWeeks !== undefined) return [];
  if (record.projectType !== undefined && known.has(record.projectType)) return [];
  return (record.roles ?? []).flatMap((role, index) =>
    role.durationWeeks !== undefined
      ? []
      : [{ field: `roles[${index}].durationWeeks`, rule: 'durationSource', message: `role ${role.id} has no durationWeeks, and neither has the opportunity nor a known project type` }],
  );
}

function roleIdProblems(record: Opportunity, roleOwner: Map<string, string>): ReferenceProblem[] {
  return (record.roles ?? []).flatMap((role, index) => {
    const owner = roleOwner.get(role.id);
    if (owner === undefined || owner === record.id) return [];
    return [{ field: `roles[${index}].id`, rule: 'uniqueRoleId', message: `role id ${role.id} already belongs to opportunity ${owner}` }];
  });
}

async function existingProjectTypes(manager: EntityManager, records: Opportunity[]): Promise<Set<string>> {
  const codes = [...new Set(records.filter((r) => r.projectType).map((r) => r.projectType as string))];
  if (codes.length === 0) return new Set();
  const rows = await manager.find(ProjectTypeEntity, { select: { code: true }, where: { code: In(codes) } });
  return new Set(rows.map((row) => row.code));
}

/**
 * Live (not lost) opportunities that name the project type, at most `limit`, sorted by id: deleting the
 * type would leave them without roles or duration, so the delete is refused while any exists.
 */
export async function opportunitiesUsingProjectType(manager: EntityManager, code: string, limit = 10): Promise<string[]> {
  const rows = await manager.find(OpportunityEntity, {
    select: { id: true },
    where: { projectType: code, status: Not('lost') },
    order: { id: 'ASC' },
    take: limit,
  });
  return rows.map((row) => row.id);
}

async function storedRoleOwners(manager: EntityManager, records: Opportunity[]): Promise<Map<string, string>> {
  const roleIds = [...new Set(records.flatMap((r) => (r.roles ?? []).map((role) => role.id)))];
  const owners = new Map<string, string>();
  for (let i = 0; i < roleIds.length; i += 500) {
    const rows = await manager.find(OpportunityRoleEntity, {
      select: { id: true, opportunityId: true },
      where: { id: In(roleIds.slice(i, i + 500)) },
    });
    for (const row of rows) owners.set(row.id, row.opportunityId);
  }
  return owners;
}
