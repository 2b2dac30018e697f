import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  catalogColumns,
  date,
  decimal,
  flag,
  index,
  integer,
  json,
  key,
  optionalDate,
  optionalDecimal,
  optionalFlag,
  optionalInteger,
  optionalJson,
  optionalText,
  parentKey,
  sourceRecordColumns,
  table,
  text,
} from './table-builder.js';

/** The whole data contract of DESIGN.md §3, API keys, tombstones, and the jobs/results/outbox tables. */
export class Foundation1767225600000 implements MigrationInterface {
  name = 'Foundation1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    for (const t of [...hcmTables(), ...crmTables(), ...masTables(), ...catalogTables(), ...platformTables()]) {
      await runner.createTable(t);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    const all = [...hcmTables(), ...crmTables(), ...masTables(), ...catalogTables(), ...platformTables()];
    for (const t of all.reverse()) await runner.dropTable(t.name);
  }
}

function hcmTables() {
  return [
    table('employees', [
      ...sourceRecordColumns(),
      text('name', 300), optionalText('email', 300), text('location', 100), text('timeZone', 64),
      optionalText('holidayCalendar', 100), optionalText('title', 300), optionalJson('level'),
      decimal('costRate'), text('currency', 3), optionalDecimal('weeklyHours'), optionalJson('workingDays'),
      optionalDate('startDate'), optionalDate('endDate'), optionalDecimal('utilizationTarget'),
    ], { indices: [index('idx_employees_location', ['location'])] }),
    table('employee_skills', [
      key('employeeId', 200), key('skill', 100), integer('position'), integer('level'),
      optionalFlag('certified'), optionalDate('certificationExpires'),
    ], {
      indices: [index('idx_employee_skills_skill_level', ['skill', 'level'])],
      foreignKeys: [parentKey('fk_employee_skills_employee', ['employeeId'], 'employees', ['id'])],
    }),
    table('time_off', [
      ...sourceRecordColumns(),
      text('employeeId', 200), date('start'), date('end'), optionalDecimal('hoursPerDay'), text('status', 20),
    ], { indices: [index('idx_time_off_employee', ['employeeId'])] }),
    table('assignments', [
      ...sourceRecordColumns(),
      text('employeeId', 200), text('projectId', 200), date('start'), date('rollOffDate'),
      decimal('hoursPerWeek'), flag('billable'),
    ], { indices: [index('idx_assignments_employee', ['employeeId'])] }),
    table('holiday_calendars', [key('code', 100), ...catalogColumns(), text('name', 300), json('dates')]),
  ];
}

function crmTables() {
  return [
    table('accounts', [
      ...sourceRecordColumns(),
      text('name', 300), optionalText('industry', 200), optionalText('region', 200), optionalText('segment', 200),
      optionalInteger('employeeCount'),
    ]),
    table('opportunities', [
      ...sourceRecordColumns(),
      text('accountId', 200), text('name', 300), text('stage', 100), decimal('probability'), date('closeDate'),
      date('expectedStart'), optionalInteger('durationWeeks'), optionalText('projectType', 100),
      optionalText('territory', 200), optionalDecimal('amount'), optionalText('currency', 3), text('status', 10),
      flag('hasRoles'),
    ], {
      indices: [index('idx_opportunities_account', ['accountId']), index('idx_opportunities_status', ['status'])],
    }),
    table('opportunity_roles', [
      key('id', 200), text('opportunityId', 200), integer('position'), text('skill', 100), integer('minLevel'),
      decimal('hoursPerWeek'), optionalInteger('headcount'), optionalInteger('startOffsetWeeks'),
      optionalInteger('durationWeeks'), optionalText('location', 100), optionalFlag('remoteAllowed'),
      optionalFlag('requiresCertification'),
    ], {
      indices: [
        index('idx_opportunity_roles_opportunity', ['opportunityId']),
        index('idx_opportunity_roles_skill', ['skill', 'minLevel']),
      ],
      foreignKeys: [parentKey('fk_opportunity_roles_opportunity', ['opportunityId'], 'opportunities', ['id'])],
    }),
  ];
}

function masTables() {
  return [
    table('lead_forecasts', [
      ...sourceRecordColumns(),
      text('period', 7), text('projectType', 100), decimal('leads'), decimal('leadToOpportunityRate'),
      decimal('winRate'), integer('lagWeeks'),
    ], { indices: [index('idx_lead_forecasts_project_type', ['projectType'])] }),
  ];
}

function catalogTables() {
  return [
    table('project_types', [key('code', 100), ...catalogColumns(), text('name', 300), integer('durationWeeks')]),
    table('project_type_roles', [
      key('projectTypeCode', 100), { ...integer('position'), isPrimary: true }, text('skill', 100),
      integer('minLevel'), decimal('hoursPerWeek'), optionalInteger('headcount'),
      optionalInteger('startOffsetWeeks'), optionalInteger('durationWeeks'),
    ], {
      indices: [index('idx_project_type_roles_skill', ['skill'])],
      foreignKeys: [parentKey('fk_project_type_roles_type', ['projectTypeCode'], 'project_types', ['code'])],
    }),
    table('skills', [key('code', 100), ...catalogColumns(), text('name', 300), optionalJson('adjacent')]),
    table('rate_cards', [
      key('id', 120), ...catalogColumns(), text('skill', 100), integer('level'), decimal('billRate'), text('currency', 3),
    ], { indices: [index('idx_rate_cards_skill_level', ['skill', 'level'])] }),
    table('exchange_rates', [key('currency', 3), ...catalogColumns(), decimal('rateToBase'), date('asOf')]),
    table('hiring_policies', [
      key('id', 20), ...catalogColumns(), integer('defaultLeadTimeWeeks'), optionalJson('leadTimes'),
      decimal('contractorRateMultiplier'), integer('contractorLeadTimeWeeks'), decimal('minFteGap'),
      integer('minShortageWeeks'), optionalDecimal('minEmployeeShare'),
    ]),
  ];
}

function platformTables() {
  return [
    table('tombstones', [
      key('collection', 40), key('id', 200), text('updatedAt', 40), text('updatedAtUtc', 30), text('deletedAt', 30),
    ]),
    table('api_keys', [
      key('id', 40), text('name', 200), text('secretHash', 64), json('scopes'), text('createdAt', 30),
      optionalText('revokedAt', 30),
    ]),
    table('jobs', [
      key('id', 64), text('kind', 40), text('status', 20), json('request'), optionalJson('inputSnapshot'),
      optionalText('inputHash', 64), optionalText('idempotencyKey', 300), optionalText('requestHash', 64),
      { ...integer('progress'), default: 0 }, optionalText('phase', 100), text('createdAt', 30),
      optionalText('startedAt', 30), optionalText('finishedAt', 30), optionalText('resultId', 64),
      optionalJson('error'), optionalJson('stats'),
    ], {
      indices: [index('idx_jobs_kind_status', ['kind', 'status']), index('idx_jobs_idempotency', ['idempotencyKey'], true)],
    }),
    table('results', [
      key('id', 64), text('jobId', 64), text('kind', 40), json('document'), text('createdAt', 30),
    ], { indices: [index('idx_results_job', ['jobId'], true)] }),
    table('outbox', [
      key('id', 64), text('eventType', 100), json('payload'), text('createdAt', 30), optionalText('dispatchedAt', 30),
    ], { indices: [index('idx_outbox_pending', ['dispatchedAt', 'createdAt'])] }),
  ];
}
