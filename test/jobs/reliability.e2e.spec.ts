import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { ResultEntity } from '../../src/jobs/result.entity.js';
import { JOBS_QUEUE } from '../../src/jobs/job-queue.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, exited, freePort, isFinished, loadScenario, northwind, PrivateRedis, spawnWorker, startJobsService, uniquePrefix, until, waitForJob, type JobsApp } from './harness.js';

/** About five seconds of solving on the fixture firm: long enough to interrupt mid-solve. */
const FIRM_PLAN = { horizon: { from: '2027-01-04', weeks: 8 } };
const QUICK_FORECAST = (n: number) => ({ horizon: { from: '2027-01-04', weeks: 4 + n } });

describe('worker crashes, shutdowns and Redis restarts (worker processes, a private redis-server with AOF)', () => {
  let redis: PrivateRedis;
  let store: TestStore;
  let api: JobsApp;
  let prefix: string;
  const workers: ChildProcess[] = [];

  const workerEnv = (extra: Record<string, string> = {}) => ({ ...store.env, REDIS_URL: redis.url, BULLMQ_PREFIX: prefix, ...extra });
  const startWorker = (extra: Record<string, string> = {}) => {
    const child = spawnWorker(workerEnv(extra));
    workers.push(child);
    return child;
  };
  const ready = () => until('a consuming worker', async () => (await api.http.get('/health/ready')).status === 200, 30_000);
  const resultsOf = async (jobId: string) => api.app.get(DataSource).getRepository(ResultEntity).countBy({ jobId });

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    store = await createTestStore('sqlite');
    prefix = uniquePrefix('rel');
    api = await startJobsService('api', { ...store.env, REDIS_URL: redis.url, BULLMQ_PREFIX: prefix });
    await loadScenario(api, await northwind());
  });

  afterEach(async () => {
    for (const child of workers.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
  });

  afterAll(async () => {
    await api?.close();
    await redis?.destroy();
    await store?.drop();
  });

  it('is not ready while no worker consumes the queue, and ready once one does', async () => {
    await api.http.get('/health/ready').expect(503);
    startWorker();
    await ready();
  });

  it('picks a job up again after its worker is SIGKILLed mid-solve and stores exactly one result', async () => {
    const doomed = startWorker();
    await ready();
    const { jobId } = (await api.post('/v1/staffing-plans', FIRM_PLAN).expect(202)).body;
    await waitForJob(api, jobId, (view) => view.status === 'active' && view.progress.percent > 0, 60_000);
    doomed.kill('SIGKILL');
    await exited(doomed);
    startWorker();
    const done = await waitForJob(api, jobId, isFinished, 90_000);
    expect(done.status).toBe('completed');
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(await resultsOf(jobId)).toBe(1);
  });

  it('on SIGTERM hands a running job back when the grace period ends: no stall, another worker completes it', async () => {
    const events = new QueueEvents(JOBS_QUEUE, { connection: { host: '127.0.0.1', port: redis.port }, prefix });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    await events.waitUntilReady();
    try {
      const leaving = startWorker({ JOB_SHUTDOWN_GRACE_MS: '100' });
      await ready();
      const { jobId } = (await api.post('/v1/staffing-plans', { ...FIRM_PLAN, minProbability: 0.05 }).expect(202)).body;
      await waitForJob(api, jobId, (view) => view.status === 'active' && view.progress.percent > 0, 60_000);
      leaving.kill('SIGTERM');
      await exited(leaving);
      expect((await api.get(`/v1/jobs/${jobId}`).expect(200)).body.status).toBe('queued');
      startWorker();
      const done = await waitForJob(api, jobId, isFinished, 90_000);
      expect(done.status).toBe('completed');
      expect(await resultsOf(jobId)).toBe(1);
      expect(stalled).toEqual([]);
    } finally {
      await events.close();
    }
  });

  it('on SIGTERM within the grace period lets the running job finish before the worker exits', async () => {
    const leaving = startWorker({ JOB_SHUTDOWN_GRACE_MS: '120000' });
    await ready();
    const { jobId } = (await api.post('/v1/staffing-plans', { ...FIRM_PLAN, minProbability: 0.15 }).expect(202)).body;
    await waitForJob(api, jobId, (view) => view.status === 'active' && view.progress.percent > 0, 60_000);
    leaving.kill('SIGTERM');
    await exited(leaving);
    // Finished before the process was gone: nothing was handed back or left behind.
    expect((await api.get(`/v1/jobs/${jobId}`).expect(200)).body).toMatchObject({ status: 'completed', attempts: 1 });
    expect(await resultsOf(jobId)).toBe(1);
  });

  it('keeps queued jobs through a Redis restart (AOF) and answers POSTs with 503 fast while Redis is down', async () => {
    const queued = [];
    for (let n = 0; n < 3; n++) queued.push((await api.post('/v1/capacity-forecasts', QUICK_FORECAST(n)).expect(202)).body.jobId as string);
    await redis.stop();
    const started = Date.now();
    const refused = await api.post('/v1/capacity-forecasts', QUICK_FORECAST(9));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(Date.now() - started).toBeLessThan(3_000);
    await api.http.get('/health/ready').expect(503);
    await api.get(`/v1/jobs/${queued[0]}`).expect(200);

    await redis.start();
    startWorker();
    for (const jobId of queued) expect((await waitForJob(api, jobId, isFinished, 60_000)).status).toBe('completed');
    await until('the API to reach Redis again', async () => (await api.post('/v1/capacity-forecasts', QUICK_FORECAST(10))).status === 202, 20_000);
  });
});
