import type { DynamicModule, Type } from '@nestjs/common';
import { AuthModule } from './auth/auth.module.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { SnapshotModule } from './snapshot/snapshot.module.js';
import { WebhooksApiModule, WebhooksWorkerModule } from './webhooks/webhooks.module.js';
import { JobsApiModule } from './jobs/jobs-api.module.js';
import { JobsWorkerModule } from './jobs/jobs-worker.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { PlanningModule } from './planning/planning.module.js';
import { EstimatesModule } from './estimates/estimates.module.js';
import { HiringModule } from './hiring/hiring.module.js';
import { IntegrationsModule } from './integrations/integrations.module.js';

/**
 * What each process role runs. `api` serves HTTP, `worker` consumes jobs, `all` does both in one process
 * (the single-machine default). A feature module is appended to the list(s) of the role(s) that need it,
 * e.g. the jobs module's producer/controllers to API_MODULES and its processor module to WORKER_MODULES.
 */
export const APP_ROLES = ['api', 'worker', 'all'] as const;
export type AppRole = (typeof APP_ROLES)[number];

type ModuleRef = Type<unknown> | DynamicModule;

export const API_MODULES: ModuleRef[] = [AuthModule, IngestionModule, SnapshotModule, OutboxModule, MetricsModule, JobsApiModule, PlanningModule, WebhooksApiModule, EstimatesModule, HiringModule, IntegrationsModule];
export const WORKER_MODULES: ModuleRef[] = [SnapshotModule, OutboxModule, MetricsModule, JobsWorkerModule, WebhooksWorkerModule];

export function isAppRole(value: string): value is AppRole {
  return (APP_ROLES as readonly string[]).includes(value);
}

export function modulesForRole(role: AppRole): ModuleRef[] {
  const modules = role === 'api' ? API_MODULES : role === 'worker' ? WORKER_MODULES : [...API_MODULES, ...WORKER_MODULES];
  return [...new Set(modules)];
}

/** Roles that listen on PORT. */
export function servesHttp(role: AppRole): boolean {
  return role !== 'worker';
}
