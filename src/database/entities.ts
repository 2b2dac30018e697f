import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { IdempotencyRecordEntity } from '../common/idempotency/idempotency-record.entity.js';
import { AccountEntity } from '../ingestion/crm/account.entity.js';
import { OpportunityEntity, OpportunityRoleEntity } from '../ingestion/crm/opportunity.entity.js';
import { ExchangeRateEntity } from '../ingestion/catalog/exchange-rate.entity.js';
import { HiringPolicyEntity } from '../ingestion/catalog/hiring-policy.entity.js';
import { ProjectTypeEntity, ProjectTypeRoleEntity } from '../ingestion/catalog/project-type.entity.js';
import { RateCardEntity } from '../ingestion/catalog/rate-card.entity.js';
import { SkillEntity } from '../ingestion/catalog/skill.entity.js';
import { AssignmentEntity } from '../ingestion/hcm/assignment.entity.js';
import { EmployeeEntity, EmployeeSkillEntity } from '../ingestion/hcm/employee.entity.js';
import { HolidayCalendarEntity } from '../ingestion/hcm/holiday-calendar.entity.js';
import { TimeOffEntity } from '../ingestion/hcm/time-off.entity.js';
import { LeadForecastEntity } from '../ingestion/mas/lead-forecast.entity.js';
import { JobEntity } from '../jobs/job.entity.js';
import { ResultEntity } from '../jobs/result.entity.js';
import { OutboxEventEntity } from '../outbox/outbox-event.entity.js';
import { TombstoneEntity } from './tombstone.entity.js';
import { WebhookDeliveryAttemptEntity } from '../webhooks/webhook-delivery-attempt.entity.js';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity.js';
import { WebhookSubscriptionEntity } from '../webhooks/webhook-subscription.entity.js';

/**
 * Every TypeORM entity of the service, in one list the DataSource is built from. A new entity is added
 * here and gets its table from a new migration (see migrations/index.ts); `synchronize` is never used.
 */
export const ENTITIES = [
  EmployeeEntity,
  EmployeeSkillEntity,
  TimeOffEntity,
  AssignmentEntity,
  HolidayCalendarEntity,
  AccountEntity,
  OpportunityEntity,
  OpportunityRoleEntity,
  LeadForecastEntity,
  ProjectTypeEntity,
  ProjectTypeRoleEntity,
  SkillEntity,
  RateCardEntity,
  ExchangeRateEntity,
  HiringPolicyEntity,
  TombstoneEntity,
  ApiKeyEntity,
  JobEntity,
  ResultEntity,
  OutboxEventEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
  IdempotencyRecordEntity,
];
