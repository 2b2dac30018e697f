import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import type { AppError } from '../../src/common/app-error.js';
import { JobStore } from '../../src/jobs/job-store.js';
import { JobsService } from '../../src/jobs/jobs.service.js';
import { QueueKeys } from '../../src/jobs/queue-redis.js';
import { ScenarioSnapshotService } from '../../src/snapshot/scenario-snapshot.service.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, startJobsService, uniquePrefix, type JobsApp } from './harness.js';

const FORECAST = { horizon: { from: '2027-01-04', weeks: 4 } };

/**
 * The API alone (no worker: jobs stay queued unless a test moves them), so submission and cancellation
 * races can be staged step by step.
 */
describe('submission and cancellation races, and who may cancel what (SQLite, api only)', () => {
  let store: TestStore;
  let service: JobsApp;
  let redis: Redis;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    service = await startJobsService('api', { ...store.env, BULLMQ_PREFIX: uniquePrefix('race') });
    redis = new Redis(service.config.redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await service?.close();
    await store?.drop();
  });

  /**
   * Submits with `slowBody` while, during its snapshot, the Idempotency-Key claim expires and a retry with
   * `retryBody` creates the job: the slow request then meets the unique index on the key.
   */
  async function submitWhileClaimExpires(key: string, slowBody: object, retryBody: object) {
    const jobs = service.app.get(JobsService);
    const snapshots = service.app.get(ScenarioSnapshotService);
    const realLoad = snapshots.load.bind(snapshots);
    const caller = { apiKeyId: 'crm', idempotencyKey: key };
    let retried: Awaited<ReturnType<JobsService['submit']>> | undefined;
    snapshots.load = async () => {
      snapshots.load = realLoad;
      const snapshot = await realLoad();
      await redis.del(new QueueKeys(service.config.webhooks.queuePrefix).idempotencyClaim(`crm:${key}`));
      retried = await jobs.submit('capacity-forecast', retryBody as never, caller);
      return snapshot;
    };
    const slow = await jobs.submit('capacity-forecast', slowBody as never, caller).catch((error: AppError) => error);
    return { slow, retried: retried! };
  }

  it('answers a submission whose Idempotency-Key row appeared meanwhile with that job (a replay), not a 500', async () => {
    const { slow, retried } = await submitWhileClaimExpires('slow-snapshot-1', FORECAST, FORECAST);
    expect(retried.replayed).toBe(false);
    expect(slow).toEqual({ answer: retried.answer, replayed: true });
  });

  it('answers 422 when the job that took the Idempotency-Key meanwhile has another body', async () => {
    const { slow } = await submitWhileClaimExpires('slow-snapshot-2', { ...FORECAST, minProbability: 0.5 }, FORECAST);
    expect((slow as AppError).status).toBe(422);
  });

  it('answers 409 "already completed", not 202 stopping, when the job completes between the read and the cancel request', async () => {
    const { jobId } = (await service.post('/v1/capacity-forecasts', { ...FORECAST, bucket: 'month' }).expect(202)).body;
    const jobs = service.app.get(JobStore);
    await jobs.markActive(jobId, 1);
    const realRequestCancel = jobs.requestCancel.bind(jobs);
    // The worker's completion commits just before the cancel request's update.
    jobs.requestCancel = async (id: string) => {
      jobs.requestCancel = realRequestCancel;
      await jobs.finish(id, { status: 'completed', document: { rows: [] }, stats: {} });
      return realRequestCancel(id);
    };
    const answer = await service.del(`/v1/jobs/${jobId}`).expect(409);
    expect(answer.body.message ?? JSON.stringify(answer.body)).toContain('already completed');
    const view = (await service.get(`/v1/jobs/${jobId}`).expect(200)).body;
    expect(view).toMatchObject({ status: 'completed', cancelRequested: false });
    await service.get(`/v1/jobs/${jobId}/result`).expect(200);
  });

  it('lets the CRM cancel its estimates and HR its hiring forecasts, but neither any other kind', async () => {
    const crm = (await service.post('/v1/api-keys', { name: 'crm', scopes: ['estimates:write'] }).expect(201)).body.key as string;
    const hr = (await service.post('/v1/api-keys', { name: 'hr', scopes: ['hiring:read'] }).expect(201)).body.key as string;
    const planner = (await service.post('/v1/api-keys', { name: 'planner', scopes: ['plans:write'] }).expect(201)).body.key as string;
    const jobs = service.app.get(JobsService);
    const submit = async (kind: 'estimate' | 'hiring-forecast' | 'staffing-plan', body: object) =>
      (await jobs.submit(kind, body as never, { apiKeyId: 'test' })).answer.jobId;
    const estimate = await submit('estimate', { opportunityId: 'o-2', plannedAssignments: [] });
    const hiring = await submit('hiring-forecast', FORECAST);
    const plan = await submit('staffing-plan', FORECAST);

    await service.del(`/v1/jobs/${hiring}`, crm).expect(403);
    await service.del(`/v1/jobs/${plan}`, crm).expect(403);
    expect((await service.del(`/v1/jobs/${estimate}`, crm).expect(200)).body.status).toBe('cancelled');

    await service.del(`/v1/jobs/${plan}`, hr).expect(403);
    expect((await service.del(`/v1/jobs/${hiring}`, hr).expect(200)).body.status).toBe('cancelled');

    expect((await service.del(`/v1/jobs/${plan}`, planner).expect(200)).body.status).toBe('cancelled');
  });
});
