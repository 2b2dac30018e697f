import type { MigrationInterface, QueryRunner } from 'typeorm';
import { index, key, optionalInteger, optionalJson, optionalText, table, text } from './table-builder.js';

/**
 * Stored answers of POSTs sent with an Idempotency-Key (DESIGN §4): a retried create that returns a secret
 * must get the same stored answer, not a second subscription or key. Rows live for a bounded time.
 */
export class IdempotencyRecords1767800000000 implements MigrationInterface {
  name = 'IdempotencyRecords1767800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.createTable(idempotencyTable());
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropTable('idempotency_records');
  }
}

function idempotencyTable() {
  return table('idempotency_records', [
    key('id', 64), text('apiKeyId', 200), text('route', 1000), text('idempotencyKey', 255), text('requestHash', 64),
    text('state', 20), text('owner', 64), optionalInteger('statusCode'), optionalJson('responseBody'), optionalText('location', 1000),
    text('createdAt', 30), text('expiresAt', 30),
  ], { indices: [index('idx_idempotency_records_expires', ['expiresAt'])] });
}
