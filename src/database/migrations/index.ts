import { Foundation1767225600000 } from './1767225600000-foundation.js';
import { Webhooks1767600000000 } from './1767600000000-webhooks.js';
import { JobAttempts1767700000000 } from './1767700000000-job-attempts.js';
import { IdempotencyRecords1767800000000 } from './1767800000000-idempotency-records.js';

/**
 * Every migration, oldest first. To change the schema: add `src/database/migrations/<timestamp>-<name>.ts`
 * (a class named `<Name><timestamp>` using the helpers in table-builder.ts so it runs on SQLite and
 * PostgreSQL) and append it here. Migrations run at start; a released migration is never edited.
 */
export const MIGRATIONS = [Foundation1767225600000, Webhooks1767600000000, JobAttempts1767700000000, IdempotencyRecords1767800000000];
