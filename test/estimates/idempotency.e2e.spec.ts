/**
 * POST /v1/estimates with an Idempotency-Key: the retry is compared on the client's body only. The plan
 * hours the service attaches change whenever a new staffing plan completes; a retry after that must still
 * get the first answer (replayed), not 422. Real service in the `all` role (API + worker, real Redis, its
 * own queue prefix) on a temp SQLite store loaded with fixtures/tiny.json; the solver thread loads dist/
 * (npm run build).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { loadCommand } from '../../src/cli/commands/load.js';
import { ADMIN_KEY, createStore, deletePrefixedKeys, type TestStore } from '../service/harness.js';

jest.setTimeout(60_000);

const TINY = join(process.cwd(), 'fixtures', 'tiny.json');

describe('estimate idempotency across a new staffing plan (SQLite, real Redis)', () => {
  let store: TestStore;
  let app: NestExpressApplication;
  let config: AppConfig | undefined;
  const post = (path: string, body: object) => request(app.getHttpServer()).post(path).set('authorization', `Bearer ${ADMIN_KEY}`).send(body);
  const get = (path: string) => request(app.getHttpServer()).get(path).set('authorization', `Bearer ${ADMIN_KEY}`);

  async function finished(jobId: string): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const job = await get(`/v1/jobs/${jobId}`).expect(200);
      if (job.body.status === 'completed') return;
      if (['failed', 'cancelled'].includes(job.body.status)) throw new Error(`job ${jobId} ${job.body.status}: ${JSON.stringify(job.body.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  beforeAll(async () => {
    store = await createStore('sqlite');
    config = loadConfig({ LOG_LEVEL: 'silent', STAFFPLAN_ADMIN_KEY: ADMIN_KEY, BULLMQ_PREFIX: `estidem_${process.pid}_${Date.now().toString(36)}`, ...store.env });
    app = await createHttpApp('all', config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await loadCommand([TINY, '--url', `http://127.0.0.1:${port}`, '--key', ADMIN_KEY])).toBe(0);
    } finally {
      out.mockRestore();
    }
  });

  afterAll(async () => {
    await app?.close();
    if (config) await deletePrefixedKeys(config.redisUrl, config.webhooks.queuePrefix);
    await store?.drop();
  });

  it('replays the first answer to a retry with the same key and body after a new plan completed, and 422s another body', async () => {
    const body = { opportunityId: 'o-2', window: { weeks: 2 } };
    const first = await post('/v1/estimates', body).set('Idempotency-Key', 'est-retry-1');
    expect([200, 202]).toContain(first.status);
    const estimateId = first.status === 200 ? first.body.estimateId : first.body.jobId;
    if (first.status === 202) await finished(estimateId);

    const plan = await post('/v1/staffing-plans', { horizon: { from: '2027-01-04', weeks: 8 } }).expect(202);
    await finished(plan.body.jobId);
    const planned = await get(`/v1/jobs/${plan.body.jobId}/result`).expect(200);
    expect(planned.body.assignments.length).toBeGreaterThan(0);

    const retry = await post('/v1/estimates', body).set('Idempotency-Key', 'est-retry-1');
    expect(retry.status).toBe(first.status);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);

    // A new estimate of the same body (another key) does see the plan: it is another job.
    const fresh = await post('/v1/estimates', body).set('Idempotency-Key', 'est-retry-2');
    const freshId = fresh.status === 200 ? fresh.body.estimateId : fresh.body.jobId;
    expect(freshId).not.toBe(estimateId);
    if (fresh.status === 202) await finished(freshId);
    const job = await get(`/v1/jobs/${freshId}`).expect(200);
    expect(job.body.status).toBe('completed');

    const other = await post('/v1/estimates', { ...body, window: { weeks: 3 } }).set('Idempotency-Key', 'est-retry-1').expect(422);
    expect(other.body.error.details[0]).toMatchObject({ field: 'Idempotency-Key', rule: 'sameBody' });
  });
});
