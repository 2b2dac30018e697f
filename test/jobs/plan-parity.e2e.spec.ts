import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { normalizeScenario, planStaffing } from '../../solver/index.js';
import type { Scenario, StaffingPlan } from '../../solver/types.js';
import { ScenarioSnapshotService } from '../../src/snapshot/scenario-snapshot.service.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, isFinished, loadScenario, northwind, startJobsService, uniquePrefix, waitForJob, type JobsApp } from './harness.js';

const HORIZON = { from: '2027-01-04', weeks: 26 };
const JOB_TIME_LIMIT_MS = 120_000;

/** A document without what differs from run to run: solver.timeMs, solver.phases and every *Ms field. */
function withoutTimings(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, field) => (key === 'phases' || key.endsWith('Ms') ? undefined : field)));
}

/** Key order is not data: both sides with sorted keys (nulls kept) before comparing. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}

function canonical(value: unknown): unknown {
  return sortedKeys(withoutTimings(value));
}

describe('a staffing plan through the API equals the CLI plan of the same file (fixture firm, 26 weeks)', () => {
  let store: TestStore;
  let service: JobsApp;
  let file: Scenario;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    service = await startJobsService('all', { ...store.env, BULLMQ_PREFIX: uniquePrefix('parity'), JOB_TIME_LIMIT_MS: String(JOB_TIME_LIMIT_MS) });
    file = await northwind();
    await loadScenario(service, file);
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('snapshots the loaded firm as the same scenario the file normalizes to: same records, same order', async () => {
    const snapshot = await service.app.get(ScenarioSnapshotService).load();
    expect(canonical(snapshot)).toEqual(canonical(normalizeScenario(file)));
  });

  it('answers the job with the CLI plan, and gives the solver 80 % of the job limit when the caller sets none', async () => {
    const { jobId } = (await service.post('/v1/staffing-plans', { horizon: HORIZON }).expect(202)).body;
    expect((await waitForJob(service, jobId, isFinished, 120_000)).status).toBe('completed');
    const fromApi = (await service.get(`/v1/jobs/${jobId}/result`).expect(200)).body as StaffingPlan;
    const solverLimit = (JOB_TIME_LIMIT_MS * 0.8) / 1000;
    expect(fromApi.options.timeLimitSeconds).toBe(solverLimit);
    // What `staffplan plan <file> --from … --weeks 26 --time-limit 96` computes.
    const fromCli = await planStaffing(file, HORIZON, { timeLimitSeconds: solverLimit });
    expect(canonical(fromApi)).toEqual(canonical(fromCli));
    expect(fromApi.check).toEqual({ ok: true, violations: [] });
    expect(Number.isFinite(fromApi.bound.value)).toBe(true);
  });

  it("keeps a caller's shorter limit, clamped to the job's share", async () => {
    const { jobId } = (await service.post('/v1/staffing-plans', { horizon: { from: '2027-01-04', weeks: 4 }, timeLimitSeconds: 30 }).expect(202)).body;
    expect((await waitForJob(service, jobId, isFinished, 60_000)).status).toBe('completed');
    expect((await service.get(`/v1/jobs/${jobId}/result`).expect(200)).body.options.timeLimitSeconds).toBe(30);
    const { jobId: long } = (await service.post('/v1/staffing-plans', { horizon: { from: '2027-01-04', weeks: 4 }, timeLimitSeconds: 500 }).expect(202)).body;
    expect((await waitForJob(service, long, isFinished, 60_000)).status).toBe('completed');
    expect((await service.get(`/v1/jobs/${long}/result`).expect(200)).body.options.timeLimitSeconds).toBe(96);
  });
});
