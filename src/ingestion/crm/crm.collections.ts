import type { Account, Opportunity, OpportunityRole } from '../../../solver/types.js';
import type { CollectionSpec } from '../shared/collection-spec.js';
import { byPosition, equals, nullable, optional } from '../shared/mapping.js';
import { AccountEntity } from './account.entity.js';
import { OpportunityEntity, OpportunityRoleEntity } from './opportunity.entity.js';
import { opportunityReferences } from './opportunity-references.js';

export const ACCOUNTS: CollectionSpec<Account, AccountEntity> = {
  name: 'accounts',
  entity: AccountEntity,
  keyColumn: 'id',
  versioned: true,
  children: [],
  keyOf: (account) => account.id,
  toEntity: (a) =>
    Object.assign(new AccountEntity(), {
      id: a.id, name: a.name, industry: nullable(a.industry), region: nullable(a.region), segment: nullable(a.segment),
      employeeCount: nullable(a.employeeCount), updatedAt: a.updatedAt,
    }),
  toRecord: (row) => ({
    id: row.id, name: row.name, industry: optional(row.industry), region: optional(row.region),
    segment: optional(row.segment), employeeCount: optional(row.employeeCount), updatedAt: row.updatedAt,
  }),
  filters: { region: equals('region'), industry: equals('industry') },
};

export const OPPORTUNITIES: CollectionSpec<Opportunity, OpportunityEntity> = {
  name: 'opportunities',
  entity: OpportunityEntity,
  keyColumn: 'id',
  versioned: true,
  children: [{ relation: 'roles', entity: OpportunityRoleEntity, parentColumn: 'opportunityId' }],
  keyOf: (opportunity) => opportunity.id,
  toEntity: (o) =>
    Object.assign(new OpportunityEntity(), {
      id: o.id, accountId: o.accountId, name: o.name, stage: o.stage, probability: o.probability,
      closeDate: o.closeDate, expectedStart: o.expectedStart, durationWeeks: nullable(o.durationWeeks),
      projectType: nullable(o.projectType), territory: nullable(o.territory), amount: nullable(o.amount),
      currency: nullable(o.currency), status: o.status, hasRoles: o.roles !== undefined, updatedAt: o.updatedAt,
      roles: (o.roles ?? []).map((role, position) => roleRow(o.id, role, position)),
    }),
  toRecord: (row) => ({
    id: row.id, accountId: row.accountId, name: row.name, stage: row.stage, probability: row.probability,
    closeDate: row.closeDate, expectedStart: row.expectedStart, durationWeeks: optional(row.durationWeeks),
    projectType: optional(row.projectType), territory: optional(row.territory), amount: optional(row.amount),
    currency: optional(row.currency), status: row.status as Opportunity['status'],
    roles: row.hasRoles ? byPosition(row.roles).map(roleRecord) : undefined,
    updatedAt: row.updatedAt,
  }),
  references: opportunityReferences,
  filters: {
    status: equals('status'),
    accountId: equals('accountId'),
    projectType: equals('projectType'),
    minProbability: (query, alias, value) => query.andWhere(`${alias}.probability >= :minProbability`, { minProbability: value }),
  },
};

function roleRow(opportunityId: string, r: OpportunityRole, position: number): OpportunityRoleEntity {
  return Object.assign(new OpportunityRoleEntity(), {
    id: r.id, opportunityId, position, skill: r.skill, minLevel: r.minLevel, hoursPerWeek: r.hoursPerWeek,
    headcount: nullable(r.headcount), startOffsetWeeks: nullable(r.startOffsetWeeks), durationWeeks: nullable(r.durationWeeks),
    location: nullable(r.location), remoteAllowed: nullable(r.remoteAllowed), requiresCertification: nullable(r.requiresCertification),
  });
}

function roleRecord(row: OpportunityRoleEntity): OpportunityRole {
  return {
    id: row.id, skill: row.skill, minLevel: row.minLevel, hoursPerWeek: row.hoursPerWeek, headcount: optional(row.headcount),
    startOffsetWeeks: optional(row.startOffsetWeeks), durationWeeks: optional(row.durationWeeks), location: optional(row.location),
    remoteAllowed: optional(row.remoteAllowed), requiresCertification: optional(row.requiresCertification),
  };
}
