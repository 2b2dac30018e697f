import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { startProcess } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { WorkerProbes } from '../../src/metrics/worker-probes.js';
import type { TestStore } from '../service/harness.js';
import { ADMIN_KEY, createTestStore, deletePrefixedKeys, FAST_JOBS_ENV, freePort, isFinished, loadScenario, REDIS_URL, startJobsService, tinyScenario, uniquePrefix, waitForJob, type JobsApp } from './harness.js';

describe('a worker-only process serves its own /metrics and /health/live on METRICS_PORT', () => {
  let store: TestStore;
  let api: JobsApp;
  let worker: INestApplicationContext;
  let base: string;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    const prefix = uniquePrefix('probe');
    api = await startJobsService('api', { ...store.env, BULLMQ_PREFIX: prefix });
    await loadScenario(api, await tinyScenario());
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await startProcess('worker', loadConfig({ STAFFPLAN_ADMIN_KEY: ADMIN_KEY, REDIS_URL, ...FAST_JOBS_ENV, ...store.env, BULLMQ_PREFIX: prefix, METRICS_PORT: String(port) }));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await store?.drop();
  });

  it('answers liveness, and 404 for anything else', async () => {
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/v1/jobs`)).status).toBe(404);
  });

  it('exposes the metrics of the jobs this worker ran (the API process never sees them)', async () => {
    const { jobId } = (await api.post('/v1/staffing-plans', { horizon: { from: '2027-01-04', weeks: 3 } }).expect(202)).body;
    expect((await waitForJob(api, jobId, isFinished, 60_000)).status).toBe('completed');
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = await scrape.text();
    expect(text).toMatch(/staffplan_job_run_seconds_count\{kind="staffing-plan",status="completed"\} 1\b/);
    expect(text).toContain('staffplan_queue_jobs{state="waiting"} 0');
    expect(text).toContain('process_cpu_seconds_total');
    expect(worker.get(WorkerProbes).port).toBe(Number(new URL(base).port));
  });
});

describe('without METRICS_PORT a worker listens on no port', () => {
  it('starts no listener', async () => {
    const store = await createTestStore('sqlite');
    const prefix = uniquePrefix('noprobe');
    const worker = await startProcess('worker', loadConfig({ STAFFPLAN_ADMIN_KEY: ADMIN_KEY, REDIS_URL, ...FAST_JOBS_ENV, ...store.env, BULLMQ_PREFIX: prefix }));
    try {
      expect(worker.get(WorkerProbes).port).toBeNull();
    } finally {
      await worker.close();
      await deletePrefixedKeys(REDIS_URL, prefix);
      await store.drop();
    }
  });
});
