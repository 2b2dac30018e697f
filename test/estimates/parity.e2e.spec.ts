/**
 * Done-when of issue 5: on the fixture firm, the CLI on the scenario file and the API on the same data
 * loaded (no stored plan) give the same estimate and the same hiring signals. Runs the real service in
 * the `all` role (API + worker on the shared Redis, its own queue prefix) on a temp SQLite store; the
 * worker's solver thread loads dist/ (npm run build).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { estimateCommand } from '../../src/cli/commands/estimate.js';
import { hiringCommand } from '../../src/cli/commands/hiring.js';
import { loadCommand } from '../../src/cli/commands/load.js';
import { ADMIN_KEY, createStore, deletePrefixedKeys, type TestStore } from '../service/harness.js';

jest.setTimeout(120_000);

const NORTHWIND = join(process.cwd(), 'fixtures', 'northwind-consulting.json');

/** Runs a CLI command and returns its exit code and stdout. */
async function runCli(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    return { code: await command(argv), stdout: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

/** Everything but the id and the timing fields. */
function comparable(document: Record<string, unknown>): Record<string, unknown> {
  const { estimateId: _id, solver, ...rest } = document as { estimateId?: string; solver: { timeMs: number } } & Record<string, unknown>;
  return { ...rest, solver: { ...solver, timeMs: 0 } };
}

describe('issue 5 on the fixture firm: CLI and API agree', () => {
  let store: TestStore;
  let app: NestExpressApplication;
  let config: AppConfig | undefined;
  const auth = (test: request.Test, key = ADMIN_KEY) => test.set('authorization', `Bearer ${key}`);

  async function finishedJob(jobId: string): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const job = await auth(request(app.getHttpServer()).get(`/v1/jobs/${jobId}`)).expect(200);
      if (job.body.status === 'completed') return;
      if (job.body.status === 'failed' || job.body.status === 'cancelled') throw new Error(`job ${jobId} ${job.body.status}: ${JSON.stringify(job.body.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  beforeAll(async () => {
    store = await createStore('sqlite');
    config = loadConfig({ LOG_LEVEL: 'silent', STAFFPLAN_ADMIN_KEY: ADMIN_KEY, BULLMQ_PREFIX: `est_${process.pid}_${Date.now().toString(36)}`, ...store.env });
    app = await createHttpApp('all', config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const loaded = await runCli(loadCommand, [NORTHWIND, '--url', `http://127.0.0.1:${port}`, '--key', ADMIN_KEY]);
    expect(loaded.code).toBe(0);
  });

  afterAll(async () => {
    await app?.close();
    if (config) await deletePrefixedKeys(config.redisUrl, config.webhooks.queuePrefix);
    await store?.drop();
  });

  it('gives the same estimate for an opportunity through the CLI and POST /v1/estimates', async () => {
    const cli = await runCli(estimateCommand, [NORTHWIND, '--opportunity', 'opp-015', '--weeks', '4', '--json']);
    expect(cli.code).toBe(0);
    const posted = await auth(request(app.getHttpServer()).post('/v1/estimates')).send({ opportunityId: 'opp-015', window: { weeks: 4 } });
    expect([200, 202]).toContain(posted.status);
    const estimateId = posted.status === 200 ? posted.body.estimateId : posted.body.jobId;
    if (posted.status === 202) await finishedJob(estimateId);
    const stored = await auth(request(app.getHttpServer()).get(`/v1/estimates/${estimateId}`)).expect(200);
    expect(stored.body.estimateId).toBe(estimateId);
    expect(comparable(stored.body)).toEqual(comparable(JSON.parse(cli.stdout)));
    expect(stored.body.lines.some((l: { employeeId?: string }) => l.employeeId)).toBe(true);
  });

  it('gives the same hiring signals through the CLI and POST /v1/hiring-forecasts', async () => {
    const cli = await runCli(hiringCommand, [NORTHWIND, '--from', '2027-01-04', '--weeks', '26', '--json']);
    expect(cli.code).toBe(0);
    const posted = await auth(request(app.getHttpServer()).post('/v1/hiring-forecasts')).send({ horizon: { from: '2027-01-04', weeks: 26 } }).expect(202);
    await finishedJob(posted.body.jobId);
    const latest = await auth(request(app.getHttpServer()).get('/v1/hiring-forecasts/latest')).expect(200);
    const fromCli = JSON.parse(cli.stdout);
    expect(latest.body.signals).toEqual(fromCli.signals);
    expect(latest.body.signals.length).toBeGreaterThan(0);
    const skills = await auth(request(app.getHttpServer()).get('/v1/hiring-forecasts/in-demand-skills')).expect(200);
    expect(skills.body.skills).toEqual(fromCli.inDemandSkills);
  });

  it('filters the latest signals and answers CSV for Accept: text/csv', async () => {
    const filtered = await auth(request(app.getHttpServer()).get('/v1/hiring-forecasts/latest?skill=sap-s4hana')).expect(200);
    expect(filtered.body.signals.length).toBeGreaterThan(0);
    expect(filtered.body.signals.every((s: { skill: string }) => s.skill === 'sap-s4hana')).toBe(true);
    const csv = await auth(request(app.getHttpServer()).get('/v1/hiring-forecasts/latest?skill=sap-s4hana').set('accept', 'text/csv')).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(filtered.body.signals.length + 1);
  });

  it('hides names from a key without plans:read and answers bad input with a 4xx naming the field', async () => {
    const created = await auth(request(app.getHttpServer()).post('/v1/api-keys')).send({ name: 'crm', scopes: ['estimates:write'] }).expect(201);
    const crmKey = created.body.key as string;
    const posted = await auth(request(app.getHttpServer()).post('/v1/estimates'), crmKey).send({ opportunityId: 'opp-015', window: { weeks: 1 } });
    const id = posted.status === 200 ? posted.body.estimateId : posted.body.jobId;
    if (posted.status === 202) await finishedJob(id);
    const seen = await auth(request(app.getHttpServer()).get(`/v1/estimates/${id}`), crmKey).expect(200);
    expect(seen.body.lines.some((l: Record<string, unknown>) => 'employeeId' in l || 'employeeName' in l)).toBe(false);

    const post = (body: object) => auth(request(app.getHttpServer()).post('/v1/estimates'), crmKey).send(body);
    const unknown = await post({ opportunityId: 'no-such-deal' }).expect(422);
    expect(unknown.body.error.details[0].field).toBe('opportunityId');
    expect((await post({ scope: { expectedStart: '2027-03-01', roles: [] } }).expect(400)).body.error.details[0].field).toBe('scope.roles');
    expect((await post({ scope: { expectedStart: '2027-03-01', roles: [{ skill: 'java', minLevel: 2, hoursPerWeek: -4 }] } }).expect(400)).body.error.details[0].field).toMatch(/hoursPerWeek/);
    expect((await post({ opportunityId: 'opp-015', targetMargin: 1 }).expect(400)).body.error.details[0].field).toBe('targetMargin');
    await auth(request(app.getHttpServer()).get('/v1/hiring-forecasts/latest'), crmKey).expect(403);
  });
});
