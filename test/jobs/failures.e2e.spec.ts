import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { TestStore } from '../service/harness.js';
import { createTestStore, isFinished, loadScenario, startJobsService, tinyScenario, uniquePrefix, waitForJob, type JobsApp } from './harness.js';

const TINY = { horizon: { from: '2027-01-04', weeks: 4 } };
const marked = (marker: string, extra: Record<string, unknown> = {}) => ({ ...TINY, opportunityIds: [marker, 'o-1', 'o-2'], ...extra });

describe('failing solves: poison jobs, transient failures and the hard time limit (fault-injecting solver registry)', () => {
  let store: TestStore;
  let service: JobsApp;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    service = await startJobsService('all', {
      ...store.env,
      BULLMQ_PREFIX: uniquePrefix('fail'),
      JOB_SOLVERS_MODULE: join(process.cwd(), 'test/jobs/fixtures/faulty-solvers.mjs'),
      JOB_ATTEMPTS: '3',
      JOB_BACKOFF_MS: '300',
      JOB_TIME_LIMIT_MS: '1500',
    });
    await loadScenario(service, await tinyScenario());
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('fails a job whose solver thread dies on every attempt after its attempts, while the jobs behind it complete', async () => {
    const poison = (await service.post('/v1/staffing-plans', marked('poison')).expect(202)).body.jobId;
    const behind = [];
    for (const week of [3, 5]) behind.push((await service.post('/v1/staffing-plans', { horizon: { from: '2027-01-04', weeks: week } }).expect(202)).body.jobId);
    const failed = await waitForJob(service, poison, isFinished, 30_000);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'SOLVER_THREAD_EXITED' } });
    for (const jobId of behind) expect((await waitForJob(service, jobId, isFinished, 30_000)).status).toBe('completed');
  });

  it('retries a transient failure after the backoff and completes on the second attempt', async () => {
    const { jobId } = (await service.post('/v1/staffing-plans', marked('flaky')).expect(202)).body;
    const retrying = await waitForJob(service, jobId, (view) => view.error?.code === 'SOLVER_ERROR' || isFinished(view), 30_000);
    expect(retrying.status).toBe('queued');
    const done = await waitForJob(service, jobId, isFinished, 30_000);
    expect(done).toMatchObject({ status: 'completed', attempts: 2, error: null });
    // The second attempt started no earlier than the backoff delay after the first failed.
    expect(Date.parse(done.timings.startedAt) - Date.parse(done.timings.createdAt)).toBeGreaterThanOrEqual(300);
  });

  it('stops a solve that overruns the job time limit by terminating its thread, while /health/live keeps answering', async () => {
    const { jobId } = (await service.post('/v1/staffing-plans', marked('spin')).expect(202)).body;
    await waitForJob(service, jobId, (view) => view.status === 'active', 10_000);
    // The solver thread spins at full speed; the process's event loop still serves probes meanwhile.
    for (let probe = 0; probe < 5; probe++) await service.http.get('/health/live').expect(200);
    expect((await service.get(`/v1/jobs/${jobId}`).expect(200)).body.status).toBe('active');
    const done = await waitForJob(service, jobId, isFinished, 20_000);
    expect(done).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'TIME_LIMIT_EXCEEDED' } });
    // Generous slack over the 1.5 s limit: the thread is terminated, not waited for.
    expect(done.timings.runMs).toBeLessThan(1_500 + 3_000);
  });
});
