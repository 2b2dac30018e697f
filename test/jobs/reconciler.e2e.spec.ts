import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import { contentHash } from '../../src/ingestion/shared/canonical.js';
import { JobReconciler } from '../../src/jobs/job-reconciler.js';
import { JOBS_QUEUE, redisOptions } from '../../src/jobs/job-queue.js';
import { JobStore } from '../../src/jobs/job-store.js';
import { ResultEntity } from '../../src/jobs/result.entity.js';
import { ScenarioSnapshotService } from '../../src/snapshot/scenario-snapshot.service.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, isFinished, loadScenario, startJobsService, tinyScenario, uniquePrefix, waitForJob, type JobsApp } from './harness.js';

const TINY_PLAN = (weeks: number) => ({ horizon: { from: '2027-01-04', weeks } });

/**
 * What the API leaves behind when it crashes between committing a job row and queueing it in BullMQ:
 * a row `queued` (or `active`, when Redis lost a running job) that no worker will ever see.
 */
async function acceptWithoutQueueing(service: JobsApp, weeks: number, status: 'queued' | 'active'): Promise<string> {
  const snapshot = await service.app.get(ScenarioSnapshotService).load();
  const store = service.app.get(JobStore);
  const id = `job_${randomUUID()}`;
  await store.createQueued({ id, kind: 'staffing-plan', request: TINY_PLAN(weeks), inputSnapshot: snapshot, inputHash: contentHash(snapshot), idempotencyKey: null, requestHash: contentHash(TINY_PLAN(weeks)) });
  if (status === 'active') await store.markActive(id, 1);
  return id;
}

describe('the job reconciler: accepted rows missing from BullMQ are queued again, never twice (SQLite)', () => {
  let store: TestStore;
  let prefix: string;
  let queue: Queue;
  const apps: JobsApp[] = [];

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    prefix = uniquePrefix('rec');
  });

  afterAll(async () => {
    await queue?.close();
    for (const app of apps) await app.close();
    await store?.drop();
  });

  it('queues rows left queued or active by a crash when the app starts, and each job completes with one result', async () => {
    // An API alone (no worker) that reconciles only at its start, before these rows exist.
    const crashed = await startJobsService('api', { ...store.env, BULLMQ_PREFIX: prefix, JOB_RECONCILE_INTERVAL_MS: '0' });
    apps.push(crashed);
    await loadScenario(crashed, await tinyScenario());
    const lostQueued = await acceptWithoutQueueing(crashed, 3, 'queued');
    const lostActive = await acceptWithoutQueueing(crashed, 4, 'active');
    queue = new Queue(JOBS_QUEUE, { connection: redisOptions(crashed.config.redisUrl) as ConnectionOptions, prefix });
    expect(await queue.getJob(lostQueued)).toBeUndefined();

    const restarted = await startJobsService('all', { ...store.env, BULLMQ_PREFIX: prefix, JOB_RECONCILE_GRACE_MS: '0', JOB_RECONCILE_INTERVAL_MS: '0' });
    apps.push(restarted);
    for (const jobId of [lostQueued, lostActive]) {
      const done = await waitForJob(restarted, jobId, isFinished, 60_000);
      expect(done).toMatchObject({ status: 'completed', attempts: 1, error: null });
      expect(await restarted.app.get(DataSource).getRepository(ResultEntity).countBy({ jobId })).toBe(1);
    }
  });

  it('never doubles a job: rows whose BullMQ job exists (waiting or finished) are left alone', async () => {
    const running = apps[apps.length - 1];
    const { jobId } = (await running.post('/v1/staffing-plans', TINY_PLAN(5)).expect(202)).body;
    // The row is queued and its BullMQ job (id = the job id) exists: nothing to do, whichever state it is in.
    expect(await running.app.get(JobReconciler).reconcile()).toBe(0);
    await waitForJob(running, jobId, isFinished, 60_000);
    expect(await running.app.get(JobReconciler).reconcile()).toBe(0);
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(0);
  });

  it('also finds lost rows periodically while the app runs (JOB_RECONCILE_INTERVAL_MS)', async () => {
    const periodic = await startJobsService('all', { ...store.env, BULLMQ_PREFIX: prefix, JOB_RECONCILE_GRACE_MS: '0', JOB_RECONCILE_INTERVAL_MS: '200' });
    apps.push(periodic);
    const lost = await acceptWithoutQueueing(periodic, 2, 'queued');
    const done = await waitForJob(periodic, lost, isFinished, 60_000);
    expect(done.status).toBe('completed');
  });
});
