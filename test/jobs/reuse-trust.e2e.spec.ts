import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { worstStatus } from '../../solver/hiring/index.js';
import { JobStore } from '../../src/jobs/job-store.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, isFinished, loadScenario, startJobsService, tinyScenario, uniquePrefix, waitForJob, type JobsApp } from './harness.js';

const REQUEST_HASH = 'request-hash-of-the-reuse-test';
const INPUT_HASH = 'input-hash-of-the-reuse-test';

/** A finished capacity-forecast job whose document reports the given solver status. */
async function finishedWith(jobs: JobStore, solverStatus: string | undefined, status: 'completed' | 'cancelled' = 'completed'): Promise<string> {
  const id = `job_${randomUUID()}`;
  await jobs.createQueued({ id, kind: 'capacity-forecast', request: {}, inputSnapshot: {}, inputHash: INPUT_HASH, idempotencyKey: null, requestHash: REQUEST_HASH });
  await jobs.markActive(id, 1);
  const solver = solverStatus === undefined ? {} : { solver: { backend: 'jslp', status: solverStatus, timeMs: 1 } };
  await jobs.finish(id, { status, document: { rows: [], ...solver }, stats: {} });
  return id;
}

describe('only trustworthy results are reused, and never an estimate (SQLite, api + worker)', () => {
  let store: TestStore;
  let service: JobsApp;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    service = await startJobsService('all', { ...store.env, BULLMQ_PREFIX: uniquePrefix('reuse') });
    await loadScenario(service, await tinyScenario());
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('gives an identical estimate request its own solve, whose document carries its own estimateId', async () => {
    const body = { opportunityId: 'o-2' };
    const ids: string[] = [];
    for (let round = 0; round < 2; round++) {
      const answer = (await service.post('/v1/estimates', body)).body;
      const jobId = (answer.jobId ?? answer.estimateId) as string;
      await waitForJob(service, jobId, isFinished, 30_000);
      ids.push(jobId);
    }
    expect(ids[0]).not.toBe(ids[1]);
    const second = (await service.get(`/v1/jobs/${ids[1]}`).expect(200)).body;
    expect(second.status).toBe('completed');
    expect(second.reusedFromJobId).toBeUndefined();
    for (const jobId of ids) expect((await service.get(`/v1/jobs/${jobId}/result`).expect(200)).body.estimateId).toBe(jobId);
  });

  it('reuses only a completed result whose solver status is optimal or feasible', async () => {
    const jobs = service.app.get(JobStore);
    for (const untrusted of ['timedout', 'infeasible', 'stopped', undefined]) await finishedWith(jobs, untrusted);
    await finishedWith(jobs, 'optimal', 'cancelled');
    expect(await jobs.findReusable('capacity-forecast', REQUEST_HASH, INPUT_HASH)).toBeNull();
    const feasible = await finishedWith(jobs, 'feasible');
    expect((await jobs.findReusable('capacity-forecast', REQUEST_HASH, INPUT_HASH))?.job.id).toBe(feasible);
  });

  it('reports the worst status of the hiring forecast\'s phases (a timed-out shortage phase makes it timedout)', () => {
    expect(worstStatus('timedout', 'optimal')).toBe('timedout');
    expect(worstStatus('optimal', 'timedout')).toBe('timedout');
    expect(worstStatus('feasible', 'optimal')).toBe('feasible');
    expect(worstStatus('optimal', 'optimal')).toBe('optimal');
    expect(worstStatus('feasible', 'error')).toBe('error');
  });
});
