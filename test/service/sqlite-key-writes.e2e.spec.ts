import { describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Employee } from '../../solver/types.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { serviceForBlock } from './harness.js';

/** Enough employees (with skills) that the batch's transaction spans many insert statements. */
const BATCH_SIZE = 1000;
const SKILLS = ['java', 'sap', 'python', 'sql', 'cloud'];
/** The last employee of the batch: the store refuses its skills, so the batch fails at its very end and rolls back. */
const REFUSED_EMPLOYEE = 'emp-refused';

function batchEmployee(id: string): Employee {
  return {
    id, name: `Person ${id}`, location: 'berlin', timeZone: 'Europe/Berlin', costRate: 60, currency: 'EUR',
    skills: SKILLS.map((skill, i) => ({ skill, level: 1 + (i % 5) })), updatedAt: '2027-01-01T09:00:00Z',
  };
}

function failingBatch(): Employee[] {
  const items = Array.from({ length: BATCH_SIZE - 1 }, (_, i) => batchEmployee(`emp-${String(i).padStart(4, '0')}`));
  return [...items, batchEmployee(REFUSED_EMPLOYEE)];
}

/**
 * A second connection to the service's SQLite file installs a trigger that refuses the last employee's
 * skills: the batch then fails at the very end of its transaction (after ~6000 inserted rows) and rolls back.
 */
async function refuseBatchTail(file: string): Promise<void> {
  const db = await new DataSource({ ...dataSourceOptions({ kind: 'better-sqlite3', url: file }), migrationsRun: false }).initialize();
  try {
    await db.query(`CREATE TRIGGER refuse_batch_tail BEFORE INSERT ON employee_skills WHEN NEW.employeeId = '${REFUSED_EMPLOYEE}'
      BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END`);
  } finally {
    await db.destroy();
  }
}

describe('key and idempotency writes on SQLite beside a failing ingestion batch', () => {
  const service = serviceForBlock('sqlite');

  it('persists a key revoke and an idempotent key create sent beside a batch that rolls back; only the batch fails, with its own error', async () => {
    await refuseBatchTail(service.config.database.url);
    const doomed = await service.post('/v1/api-keys', { name: 'doomed', scopes: ['crm:write'] }).expect(201);

    // The three requests are in flight together. The batch's transaction runs without yielding to the event
    // loop, so which request's transaction goes first is not fixed: the test proves the end state.
    const batch = service.put('/v1/hcm/employees', { items: failingBatch() }).then((response) => response);
    await nextTurn();
    const revoke = service.del(`/v1/api-keys/${doomed.body.id}`).then((response) => response);
    const created = service.post('/v1/api-keys', { name: 'created meanwhile', scopes: ['hcm:write'] }).set('idempotency-key', 'during-batch').then((response) => response);
    const [batchAnswer, revokeAnswer, createAnswer] = await Promise.all([batch, revoke, created]);

    expect(batchAnswer.status).toBe(500);
    expect(batchAnswer.body.error.code).toBe('INTERNAL');
    expect(revokeAnswer.status).toBe(200);
    expect(revokeAnswer.body).toMatchObject({ id: doomed.body.id, revokedAt: expect.any(String) });
    expect(createAnswer.status).toBe(201);

    const employees = await service.get('/v1/hcm/employees').expect(200);
    expect(JSON.stringify(employees.body)).not.toContain('emp-0000');
    await service.get('/v1/crm/accounts', doomed.body.key).expect(401);
    const keys = await service.get('/v1/api-keys').expect(200);
    const listed = (keys.body as { id: string; revokedAt: string | null }[]).find((key) => key.id === doomed.body.id);
    expect(listed?.revokedAt).toBe(revokeAnswer.body.revokedAt);
    await service.get('/v1/hcm/employees', createAnswer.body.key).expect(200);
    // The ledger kept the create's answer (without its secret): a retry learns the id instead of creating another key.
    const retry = await service.post('/v1/api-keys', { name: 'created meanwhile', scopes: ['hcm:write'] }).set('idempotency-key', 'during-batch').expect(409);
    expect(retry.body.error.message).toContain(`already created as ${createAnswer.body.id}`);
  });
});
