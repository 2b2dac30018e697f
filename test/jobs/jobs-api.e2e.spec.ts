import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { checkPlan } from '../../solver/checker/index.js';
import type { StaffingPlan } from '../../solver/types.js';
import type { AppError } from '../../src/common/app-error.js';
import { JobsService } from '../../src/jobs/jobs.service.js';
import { OutboxEventEntity } from '../../src/outbox/outbox-event.entity.js';
import { ScenarioSnapshotService } from '../../src/snapshot/scenario-snapshot.service.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, isFinished, loadScenario, northwind, startJobsService, uniquePrefix, waitForJob, type JobsApp } from './harness.js';

const FIRM_PLAN = { horizon: { from: '2027-01-04', weeks: 8 } };
const FORECAST = { horizon: { from: '2027-01-04', weeks: 26 } };

async function outboxEvents(service: JobsApp, type: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const rows = await service.app.get(DataSource).getRepository(OutboxEventEntity).findBy({ eventType: type });
  return rows.map((row) => row.payload as { type: string; data: Record<string, unknown> });
}

describe('jobs API on the fixture firm (one process: api + worker, SQLite)', () => {
  let store: TestStore;
  let service: JobsApp;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    service = await startJobsService('all', { ...store.env, BULLMQ_PREFIX: uniquePrefix('api') });
    await loadScenario(service, await northwind());
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('plans the firm: 202 with links, progress rising while it runs, a result that passes the plan checker and one completed event', async () => {
    const submitted = await service.post('/v1/staffing-plans', FIRM_PLAN).expect(202);
    const { jobId } = submitted.body;
    expect(submitted.body).toEqual({ jobId, status: 'queued', links: { self: `/v1/jobs/${jobId}`, result: `/v1/jobs/${jobId}/result` } });
    const seen: { status: string; percent: number }[] = [];
    const done = await waitForJob(service, jobId, (view) => {
      seen.push({ status: view.status, percent: view.progress.percent });
      return isFinished(view);
    }, 120_000);
    expect(done.status).toBe('completed');
    expect(seen.some((view) => view.status === 'active' && view.percent > 0 && view.percent < 100)).toBe(true);
    const percents = seen.map((view) => view.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(done).toMatchObject({ attempts: 1, progress: { percent: 100 }, error: null, solver: { status: expect.any(String), backend: expect.any(String) } });
    expect(done.timings.runMs).toBeGreaterThanOrEqual(0);

    const plan = (await service.get(`/v1/jobs/${jobId}/result`).expect(200)).body as StaffingPlan;
    expect(plan.horizon).toEqual({ from: '2027-01-04', weeks: 8 });
    expect(plan.assignments.length).toBeGreaterThan(0);
    const verdict = checkPlan(await service.app.get(ScenarioSnapshotService).load(), plan);
    expect(verdict.violations).toEqual([]);
    const events = (await outboxEvents(service, 'staffing-plan.completed')).filter((event) => event.data.jobId === jobId);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ jobId, resultId: expect.any(String), links: { self: `/v1/jobs/${jobId}` } });
  });

  it('refuses an invalid body with 400 naming each field and rule', async () => {
    const response = await service.post('/v1/staffing-plans', { horizon: { from: '2027-13-01', weeks: 0 }, backend: 'gurobi', colour: 'red' }).expect(400);
    const details = response.body.error.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
    expect(details).toEqual(expect.arrayContaining(['horizon.from:isIsoDate', 'horizon.weeks:min', 'backend:isIn', 'colour:unknownField']));
  });

  it('needs plans:write to submit and plans:read to read', async () => {
    const reader = (await service.post('/v1/api-keys', { name: 'reader', scopes: ['plans:read'] }).expect(201)).body.key as string;
    await service.post('/v1/capacity-forecasts', FORECAST, {}, reader).expect(403);
    const { jobId } = (await service.post('/v1/capacity-forecasts', FORECAST).expect(202)).body;
    await service.get(`/v1/jobs/${jobId}`, reader).expect(200);
    await service.del(`/v1/jobs/${jobId}`, reader).expect(403);
    await waitForJob(service, jobId, isFinished);
  });

  it('lets a CRM key (estimates:write) watch its estimate jobs, without named people, but not staffing plans', async () => {
    const crm = (await service.post('/v1/api-keys', { name: 'crm', scopes: ['estimates:write'] }).expect(201)).body.key as string;
    const planJob = (await service.post('/v1/staffing-plans', FIRM_PLAN).expect(202)).body.jobId as string;
    await service.get(`/v1/jobs/${planJob}`, crm).expect(403);
    const submitted = await service.post('/v1/estimates', { opportunityId: 'opp-001' }, {}, crm);
    expect([200, 202]).toContain(submitted.status);
    const jobId = (submitted.body.estimateId ?? submitted.body.jobId) as string;
    await waitForJob(service, jobId, isFinished);
    await service.get(`/v1/jobs/${jobId}`, crm).expect(200);
    const forCrm = (await service.get(`/v1/jobs/${jobId}/result`, crm).expect(200)).body as { lines: { employeeId?: string }[] };
    expect(forCrm.lines.length).toBeGreaterThan(0);
    expect(forCrm.lines.every((line) => line.employeeId === undefined)).toBe(true);
    const forManager = (await service.get(`/v1/jobs/${jobId}/result`).expect(200)).body as { lines: { employeeId?: string }[] };
    expect(forManager.lines.some((line) => typeof line.employeeId === 'string')).toBe(true);
    await waitForJob(service, planJob, isFinished);
  });

  it('answers a repeated Idempotency-Key with the same job, another body with 422, and a concurrent duplicate with 409', async () => {
    const first = await service.post('/v1/capacity-forecasts', { ...FORECAST, minProbability: 0.3 }, { 'Idempotency-Key': 'forecast-1' }).expect(202);
    const again = await service.post('/v1/capacity-forecasts', { ...FORECAST, minProbability: 0.3 }, { 'Idempotency-Key': 'forecast-1' }).expect(202);
    expect(again.body.jobId).toBe(first.body.jobId);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await service.post('/v1/capacity-forecasts', { ...FORECAST, minProbability: 0.4 }, { 'Idempotency-Key': 'forecast-1' }).expect(422);
    expect(other.body.error.details[0]).toMatchObject({ field: 'Idempotency-Key', rule: 'sameBody' });

    // Submitted side by side (the HTTP layer's key check would serialize them): one wins, the rest are told 409.
    const jobs = service.app.get(JobsService);
    const caller = { apiKeyId: 'racer', idempotencyKey: 'forecast-2' };
    const racing = await Promise.allSettled(Array.from({ length: 4 }, () => jobs.submit('capacity-forecast', { ...FORECAST, minProbability: 0.5 }, caller)));
    const accepted = racing.filter((outcome) => outcome.status === 'fulfilled');
    const refused = racing.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(accepted).toHaveLength(1);
    expect(refused.map((outcome) => (outcome.reason as AppError).status)).toEqual([409, 409, 409]);
    const replay = await jobs.submit('capacity-forecast', { ...FORECAST, minProbability: 0.5 }, caller);
    expect(replay).toEqual({ answer: (accepted[0] as PromiseFulfilledResult<typeof replay>).value.answer, replayed: true });
    await waitForJob(service, first.body.jobId, isFinished);
  });

  it('answers an identical request with the finished identical result (deterministic kinds reuse it) and serves the latest forecast', async () => {
    const body = { ...FORECAST, bucket: 'month' };
    const { jobId } = (await service.post('/v1/capacity-forecasts', body).expect(202)).body;
    const done = await waitForJob(service, jobId, isFinished);
    expect(done.status).toBe('completed');
    const repeat = await service.post('/v1/capacity-forecasts', body).expect(202);
    expect(repeat.body.status).toBe('completed');
    const reused = (await service.get(`/v1/jobs/${repeat.body.jobId}`).expect(200)).body;
    expect(reused.reusedFromJobId).toBe(jobId);
    const original = (await service.get(`/v1/jobs/${jobId}/result`).expect(200)).body;
    expect((await service.get(`/v1/jobs/${repeat.body.jobId}/result`).expect(200)).body).toEqual(original);
    const latest = await service.get('/v1/capacity-forecasts/latest').expect(200);
    expect(latest.body.rows.length).toBeGreaterThan(0);
    expect(latest.body.check).toEqual({ ok: true, violations: [] });
  });

  it('fails a job whose input can never succeed at once (no retry), naming the field, and publishes job.failed', async () => {
    const pinned = [{ employeeId: 'nobody', lineId: 'opp-001#1', week: '2027-01-04', hours: 8 }];
    const { jobId } = (await service.post('/v1/staffing-plans', { ...FIRM_PLAN, pinned }).expect(202)).body;
    const done = await waitForJob(service, jobId, isFinished, 60_000);
    expect(done).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'INVALID_INPUT', field: 'pinned[0].employeeId' } });
    await service.get(`/v1/jobs/${jobId}/result`).expect(409);
    expect((await outboxEvents(service, 'job.failed')).map((event) => event.data.jobId)).toContain(jobId);
  });

  it('cancels a queued job at once and stops a running one (cancelled, answered 202)', async () => {
    const running = (await service.post('/v1/staffing-plans', { ...FIRM_PLAN, minProbability: 0.1 }).expect(202)).body.jobId;
    const waiting = (await service.post('/v1/staffing-plans', { ...FIRM_PLAN, minProbability: 0.2 }).expect(202)).body.jobId;
    await waitForJob(service, running, (view) => view.status === 'active' && view.progress.percent > 0, 60_000);
    const dropped = await service.del(`/v1/jobs/${waiting}`).expect(200);
    expect(dropped.body.status).toBe('cancelled');
    await service.get(`/v1/jobs/${waiting}/result`).expect(404);
    const stopping = await service.del(`/v1/jobs/${running}`).expect(202);
    expect(stopping.body.cancelRequested).toBe(true);
    const stopped = await waitForJob(service, running, isFinished, 60_000);
    expect(stopped.status).toBe('cancelled');
    await service.del(`/v1/jobs/${running}`).expect(200);
  });

  it('answers 404 for an unknown job and exposes queue depth and job metrics for Prometheus', async () => {
    await service.get('/v1/jobs/job_unknown').expect(404);
    await service.del('/v1/jobs/job_unknown').expect(404);
    const metrics = await service.http.get('/metrics').expect(200);
    expect(metrics.text).toContain('staffplan_queue_jobs{state="waiting"}');
    expect(metrics.text).toMatch(/staffplan_job_run_seconds_count\{kind="staffing-plan",status="completed"\} [1-9]/);
    expect(metrics.text).toMatch(/staffplan_job_failures_total\{kind="staffing-plan",code="INVALID_INPUT"\} 1/);
  });
});

describe('jobs on PostgreSQL', () => {
  let store: TestStore;
  let service: JobsApp;

  beforeAll(async () => {
    store = await createTestStore('postgres');
    service = await startJobsService('all', { ...store.env, BULLMQ_PREFIX: uniquePrefix('pg') });
    const { tinyScenario } = await import('./harness.js');
    await loadScenario(service, await tinyScenario());
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('plans the tiny firm end to end and stores a result that passes the checker', async () => {
    const { jobId } = (await service.post('/v1/staffing-plans', { horizon: { from: '2027-01-04', weeks: 4 } }).expect(202)).body;
    const done = await waitForJob(service, jobId, isFinished, 60_000);
    expect(done.status).toBe('completed');
    const plan = (await service.get(`/v1/jobs/${jobId}/result`).expect(200)).body as StaffingPlan;
    expect(checkPlan(await service.app.get(ScenarioSnapshotService).load(), plan).violations).toEqual([]);
  });
});
