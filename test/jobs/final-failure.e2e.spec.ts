import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Queue, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { contentHash } from '../../src/ingestion/shared/canonical.js';
import { JobReconciler } from '../../src/jobs/job-reconciler.js';
import { JOBS_QUEUE, jobOptions, redisOptions } from '../../src/jobs/job-queue.js';
import { JobStore } from '../../src/jobs/job-store.js';
import { ScenarioSnapshotService } from '../../src/snapshot/scenario-snapshot.service.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, isFinished, loadScenario, startJobsService, tinyScenario, uniquePrefix, until, waitForJob, type JobsApp } from './harness.js';

const POISON_PLAN = { horizon: { from: '2027-01-04', weeks: 4 }, opportunityIds: ['poison', 'o-1', 'o-2'] };
const DATABASE_BLIP = 'connection terminated unexpectedly (database blip)';

/**
 * A job's final failure reaches its row even when the worker's own database write of it fails: the
 * worker's 'failed' listener records it, and failing that, the reconciler finalises the row from BullMQ's
 * failed set instead of queueing the job again.
 */
describe('final failures are recorded even when the worker cannot write them (SQLite)', () => {
  let store: TestStore;
  const apps: JobsApp[] = [];

  beforeAll(async () => {
    store = await createTestStore('sqlite');
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await store?.drop();
  });

  it('marks the job failed from the worker\'s failed listener when store.fail throws on the last attempt', async () => {
    const service = await startJobsService('all', {
      ...store.env,
      BULLMQ_PREFIX: uniquePrefix('ffw'),
      JOB_SOLVERS_MODULE: join(process.cwd(), 'test/jobs/fixtures/faulty-solvers.mjs'),
      JOB_ATTEMPTS: '1',
    });
    apps.push(service);
    await loadScenario(service, await tinyScenario());
    const jobs = service.app.get(JobStore);
    const realFail = jobs.fail.bind(jobs);
    let blips = 0;
    // The processor's own write of the failure meets a database blip; later writes go through.
    jobs.fail = async (...args: Parameters<JobStore['fail']>) => {
      if (blips++ === 0) throw new Error(DATABASE_BLIP);
      return realFail(...args);
    };
    const { jobId } = (await service.post('/v1/staffing-plans', POISON_PLAN).expect(202)).body;
    const failed = await waitForJob(service, jobId, isFinished, 30_000);
    expect(blips).toBeGreaterThanOrEqual(2);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'WORKER_ERROR', message: DATABASE_BLIP } });
  });

  it('finalises a row whose BullMQ job is in the failed set as failed with its reason, and never queues it again', async () => {
    const prefix = uniquePrefix('ffr');
    // An API alone: no worker of the app takes the job; the test's own worker fails it behind the row's back.
    const service = await startJobsService('api', { ...store.env, BULLMQ_PREFIX: prefix, JOB_RECONCILE_GRACE_MS: '0', JOB_RECONCILE_INTERVAL_MS: '0' });
    apps.push(service);
    const jobId = await activeRowWithoutRecordedFailure(service);
    const connection = redisOptions(service.config.redisUrl) as ConnectionOptions;
    const queue = new Queue(JOBS_QUEUE, { connection, prefix });
    const worker = new Worker(JOBS_QUEUE, async () => {
      throw new UnrecoverableError(`the solver refused the input; ${DATABASE_BLIP} while recording it`);
    }, { connection, prefix });
    try {
      await queue.add('staffing-plan', { jobId, kind: 'staffing-plan' }, jobOptions('staffing-plan', jobId, service.config.jobs));
      await until('the job to be failed in BullMQ', async () => (await queue.getJobState(jobId)) === 'failed', 10_000);
      await worker.close();
      expect((await service.get(`/v1/jobs/${jobId}`).expect(200)).body.status).toBe('active');

      expect(await service.app.get(JobReconciler).reconcile()).toBe(0);
      const view = (await service.get(`/v1/jobs/${jobId}`).expect(200)).body;
      expect(view).toMatchObject({ status: 'failed', error: { code: 'WORKER_ERROR', message: expect.stringContaining('the solver refused the input') } });
      expect(await queue.getJobState(jobId)).toBe('failed');
      const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
      expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(0);
      // Once finalised the row is finished: another pass neither re-queues nor rewrites it.
      expect(await service.app.get(JobReconciler).reconcile()).toBe(0);
      expect((await service.get(`/v1/jobs/${jobId}`).expect(200)).body.error).toEqual(view.error);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});

/** A row left `active` by a worker whose database write of the final failure failed. */
async function activeRowWithoutRecordedFailure(service: JobsApp): Promise<string> {
  const snapshot = await service.app.get(ScenarioSnapshotService).load();
  const request = { horizon: { from: '2027-01-04', weeks: 2 } };
  const id = `job_${randomUUID()}`;
  const jobs = service.app.get(JobStore);
  await jobs.createQueued({ id, kind: 'staffing-plan', request, inputSnapshot: snapshot, inputHash: contentHash(snapshot), idempotencyKey: null, requestHash: contentHash(request) });
  await jobs.markActive(id, 1);
  return id;
}
