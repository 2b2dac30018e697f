import type { ExchangeRate, HiringPolicy, ProjectType, RateCard, SkillDefinition } from '../../../solver/types.js';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { opportunitiesUsingProjectType } from '../crm/opportunity-references.js';
import type { CollectionSpec } from '../shared/collection-spec.js';
import { byPosition, equals, nullable, optional } from '../shared/mapping.js';
import { ExchangeRateEntity } from './exchange-rate.entity.js';
import { HiringPolicyEntity } from './hiring-policy.entity.js';
import { ProjectTypeEntity, ProjectTypeRoleEntity } from './project-type.entity.js';
import { RateCardEntity } from './rate-card.entity.js';
import { SkillEntity } from './skill.entity.js';

/** Catalog collections: keyed by natural key, a new version replaces the old whole. */
export const PROJECT_TYPES: CollectionSpec<ProjectType, ProjectTypeEntity> = {
  name: 'projectTypes',
  entity: ProjectTypeEntity,
  keyColumn: 'code',
  versioned: false,
  children: [{ relation: 'roles', entity: ProjectTypeRoleEntity, parentColumn: 'projectTypeCode' }],
  keyOf: (type) => type.code,
  beforeDelete: refuseDeleteOfUsedProjectType,
  toEntity: (t) =>
    Object.assign(new ProjectTypeEntity(), {
      code: t.code, name: t.name, durationWeeks: t.durationWeeks,
      roles: t.roles.map((r, index) =>
        Object.assign(new ProjectTypeRoleEntity(), {
          projectTypeCode: t.code, position: index + 1, skill: r.skill, minLevel: r.minLevel, hoursPerWeek: r.hoursPerWeek,
          headcount: nullable(r.headcount), startOffsetWeeks: nullable(r.startOffsetWeeks), durationWeeks: nullable(r.durationWeeks),
        }),
      ),
    }),
  toRecord: (row) => ({
    code: row.code, name: row.name, durationWeeks: row.durationWeeks,
    roles: byPosition(row.roles).map((r) => ({
      skill: r.skill, minLevel: r.minLevel, hoursPerWeek: r.hoursPerWeek, headcount: optional(r.headcount),
      startOffsetWeeks: optional(r.startOffsetWeeks), durationWeeks: optional(r.durationWeeks),
    })),
  }),
};

/** A project type live opportunities still expand from cannot be deleted: 409 naming them. */
async function refuseDeleteOfUsedProjectType(manager: EntityManager, code: string): Promise<void> {
  const users = await opportunitiesUsingProjectType(manager, code);
  if (users.length === 0) return;
  throw new AppError('CONFLICT', `project type ${code} is still used by open or won opportunities (${users.join(', ')}${users.length === 10 ? ', …' : ''}); give them roles with durations or another project type, or mark them lost, first`, [
    { field: 'code', rule: 'projectTypeInUse', message: `used by opportunities ${users.join(', ')}` },
  ]);
}

export const SKILLS: CollectionSpec<SkillDefinition, SkillEntity> = {
  name: 'skills',
  entity: SkillEntity,
  keyColumn: 'code',
  versioned: false,
  children: [],
  keyOf: (skill) => skill.code,
  toEntity: (s) => Object.assign(new SkillEntity(), { code: s.code, name: s.name, adjacent: nullable(s.adjacent) }),
  toRecord: (row) => ({ code: row.code, name: row.name, adjacent: optional(row.adjacent) }),
};

/** The natural key (skill, level, currency) as one URL-safe id. */
export function rateCardKey(card: Pick<RateCard, 'skill' | 'level' | 'currency'>): string {
  return `${card.skill}:${card.level}:${card.currency}`;
}

export const RATE_CARDS: CollectionSpec<RateCard, RateCardEntity> = {
  name: 'rateCards',
  entity: RateCardEntity,
  keyColumn: 'id',
  versioned: false,
  children: [],
  keyOf: rateCardKey,
  toEntity: (c) =>
    Object.assign(new RateCardEntity(), { id: rateCardKey(c), skill: c.skill, level: c.level, billRate: c.billRate, currency: c.currency }),
  toRecord: (row) => ({ skill: row.skill, level: row.level, billRate: row.billRate, currency: row.currency }),
  filters: { skill: equals('skill'), currency: equals('currency') },
};

export const EXCHANGE_RATES: CollectionSpec<ExchangeRate, ExchangeRateEntity> = {
  name: 'exchangeRates',
  entity: ExchangeRateEntity,
  keyColumn: 'currency',
  versioned: false,
  children: [],
  keyOf: (rate) => rate.currency,
  toEntity: (r) => Object.assign(new ExchangeRateEntity(), { currency: r.currency, rateToBase: r.rateToBase, asOf: r.asOf }),
  toRecord: (row) => ({ currency: row.currency, rateToBase: row.rateToBase, asOf: row.asOf }),
};

/** The firm's single hiring policy is stored under this key. */
export const HIRING_POLICY_KEY = 'default';

export const HIRING_POLICY: CollectionSpec<HiringPolicy, HiringPolicyEntity> = {
  name: 'hiringPolicy',
  entity: HiringPolicyEntity,
  keyColumn: 'id',
  versioned: false,
  children: [],
  keyOf: () => HIRING_POLICY_KEY,
  toEntity: (p) =>
    Object.assign(new HiringPolicyEntity(), {
      id: HIRING_POLICY_KEY, defaultLeadTimeWeeks: p.defaultLeadTimeWeeks, leadTimes: nullable(p.leadTimes),
      contractorRateMultiplier: p.contractorRateMultiplier, contractorLeadTimeWeeks: p.contractorLeadTimeWeeks,
      minFteGap: p.minFteGap, minShortageWeeks: p.minShortageWeeks, minEmployeeShare: nullable(p.minEmployeeShare),
    }),
  toRecord: (row) => ({
    defaultLeadTimeWeeks: row.defaultLeadTimeWeeks, leadTimes: optional(row.leadTimes),
    contractorRateMultiplier: row.contractorRateMultiplier, contractorLeadTimeWeeks: row.contractorLeadTimeWeeks,
    minFteGap: row.minFteGap, minShortageWeeks: row.minShortageWeeks, minEmployeeShare: optional(row.minEmployeeShare),
  }),
};
