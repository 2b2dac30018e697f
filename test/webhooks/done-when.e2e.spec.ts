import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadCommand } from '../../src/cli/commands/load.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import {
  ADMIN_KEY,
  FAST_WEBHOOKS,
  createStore,
  deleteQueueKeys,
  startReceiver,
  uniquePrefix,
  verifyWithReferenceLibrary,
  waitFor,
  type Receiver,
  type TestStore,
} from './harness.js';

const TINY = join(process.cwd(), 'fixtures', 'tiny.json');

/** The whole service (api + worker in one process) on the tiny fixture firm, with a subscribed receiver. */
describe('done when: completing a job on the fixture firm produces one signed delivery', () => {
  let store: TestStore;
  let app: NestExpressApplication;
  let receiver: Receiver;
  let secret: string;
  let config: AppConfig;
  const api = () => request(app.getHttpServer());
  const auth = (test: request.Test) => test.set('authorization', `Bearer ${ADMIN_KEY}`);

  beforeAll(async () => {
    store = await createStore('sqlite');
    config = loadConfig({ LOG_LEVEL: 'silent', STAFFPLAN_ADMIN_KEY: ADMIN_KEY, BULLMQ_PREFIX: uniquePrefix('done'), ...FAST_WEBHOOKS, ...store.env });
    app = await createHttpApp('all', config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await loadCommand([TINY, '--url', `http://127.0.0.1:${port}`, '--key', ADMIN_KEY])).toBe(0);
    } finally {
      quiet.mockRestore();
    }
    receiver = await startReceiver();
    const subscription = await auth(api().post('/v1/webhook-subscriptions')).send({ url: receiver.url, events: ['*'], owner: 'crm' }).expect(201);
    secret = subscription.body.secret;
  });

  afterAll(async () => {
    await receiver?.close();
    await app?.close();
    if (config) await deleteQueueKeys(config);
    await store?.drop();
  });

  /** The one message the receiver got for a job, verified with the reference library (waits for it first). */
  async function deliveryFor(jobId: string): Promise<{ type: string; data: { jobId: string; links: { result: string } } }> {
    const forJob = () => receiver.messages.filter((m) => JSON.parse(m.body).data?.jobId === jobId);
    await waitFor(forJob, (found) => found.length > 0, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(forJob()).toHaveLength(1);
    return verifyWithReferenceLibrary(secret, forJob()[0]) as { type: string; data: { jobId: string; links: { result: string } } };
  }

  /** 202 carries the job id; an estimate that finished within its short wait answers 200 with a Location. */
  function jobIdOf(response: request.Response): string {
    return (response.body.jobId as string | undefined) ?? String(response.headers.location).split('/').pop()!;
  }

  it.each([
    ['a staffing plan', 'staffing-plan.completed', '/v1/staffing-plans', { horizon: { from: '2027-01-04', weeks: 8 } }],
    ['a hiring forecast', 'hiring-forecast.updated', '/v1/hiring-forecasts', { horizon: { from: '2027-01-04', weeks: 12 } }],
    ['an estimate', 'estimate.completed', '/v1/estimates', { opportunityId: 'o-1' }],
  ])('%s: one %s delivery, verified by standardwebhooks, whose link fetches the result', async (_label, type, path, body) => {
    const accepted = await auth(api().post(path)).send(body);
    expect([200, 202]).toContain(accepted.status);
    const jobId = jobIdOf(accepted);
    const event = await deliveryFor(jobId);
    expect(event).toMatchObject({ type, data: { jobId } });
    await auth(api().get(event.data.links.result)).expect(200);
  });
});
