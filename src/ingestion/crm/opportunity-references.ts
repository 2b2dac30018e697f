import { In, type EntityManager } from 'typeorm';
import type { Opportunity } from '../../../solver/types.js';
import { ProjectTypeEntity } from '../catalog/project-type.entity.js';
import type { ReferenceChecker, ReferenceProblem } from '../shared/collection-spec.js';
import { OpportunityRoleEntity } from './opportunity.entity.js';

/**
 * Store-dependent rules of an opportunity:
 * - without explicit roles its demand comes from its project type, which must be in the store;
 * - role ids are line ids, unique across all opportunities: a role id another opportunity holds is refused.
 */
export async function opportunityReferences(manager: EntityManager, records: Opportunity[]): Promise<ReferenceChecker<Opportunity>> {
  const projectTypes = await existingProjectTypes(manager, records);
  const roleOwner = await storedRoleOwners(manager, records);
  return {
    check: (record) => [...projectTypeProblems(record, projectTypes), ...roleIdProblems(record, roleOwner)],
    accept: (record) => {
      for (const [roleId, owner] of roleOwner) if (owner === record.id) roleOwner.delete(roleId);
      for (const role of record.roles ?? []) roleOwner.set(role.id, record.id);
    },
  };
}

function projectTypeProblems(record: Opportunity, known: Set<string>): ReferenceProblem[] {
  if (record.roles !== undefined) return [];
  if (record.projectType === undefined) {
    return [{ field: 'projectType', rule: 'roleSource', message: 'an opportunity needs `roles` or a `projectType` to expand into role lines' }];
  }
  if (known.has(record.projectType)) return [];
  return [{ field: 'projectType', rule: 'knownProjectType', message: `project type ${record.projectType} is not in the store (send it to /v1/catalog/project-types first)` }];
}

function roleIdProblems(record: Opportunity, roleOwner: Map<string, string>): ReferenceProblem[] {
  return (record.roles ?? []).flatMap((role, index) => {
    const owner = roleOwner.get(role.id);
    if (owner === undefined || owner === record.id) return [];
    return [{ field: `roles[${index}].id`, rule: 'uniqueRoleId', message: `role id ${role.id} already belongs to opportunity ${owner}` }];
  });
}

async function existingProjectTypes(manager: EntityManager, records: Opportunity[]): Promise<Set<string>> {
  const codes = [...new Set(records.filter((r) => r.roles === undefined && r.projectType).map((r) => r.projectType as string))];
  if (codes.length === 0) return new Set();
  const rows = await manager.find(ProjectTypeEntity, { select: { code: true }, where: { code: In(codes) } });
  return new Set(rows.map((row) => row.code));
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
