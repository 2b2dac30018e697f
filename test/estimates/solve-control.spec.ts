/**
 * Item: hiring and estimate jobs honour the job runner's control — progress, stop signal, time limit —
 * through the functions the solver thread calls (src/estimates/estimate-job.ts, src/hiring/hiring-job.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Scenario } from '../../solver/types.js';
import { estimate } from '../../solver/estimate/index.js';
import { HiringStoppedError } from '../../solver/hiring/index.js';
import { estimateJob } from '../../src/estimates/estimate-job.js';
import { hiringForecastJob } from '../../src/hiring/hiring-job.js';
import type { JobRequest } from '../../src/jobs/job-kinds.js';

const tiny = (): Scenario => JSON.parse(readFileSync(new URL('../../fixtures/tiny.json', import.meta.url), 'utf8'));
const estimateBody = { opportunityId: 'o-2', window: { weeks: 4 } } as unknown as JobRequest<'estimate'>;
const hiringBody = { horizon: { from: '2027-01-04', weeks: 8 } } as unknown as JobRequest<'hiring-forecast'>;

describe('estimate job: progress, stop and time limit', () => {
  it('reports rising progress per candidate start and ends at 100 %', async () => {
    const seen: { phase: string; percent: number }[] = [];
    const result = (await estimateJob(tiny(), estimateBody, 'job_progress', { onProgress: (p) => seen.push(p) })) as { options: unknown[]; solver: { status: string } };
    expect(result.options).toHaveLength(4);
    expect(seen.filter((p) => p.phase === 'candidates').map((p) => p.percent)).toEqual([22, 45, 67, 90]);
    expect(seen[seen.length - 1]).toEqual({ phase: 'pricing', percent: 100 });
    expect(result.solver.status).toBe('optimal');
  });

  it('stops after the candidate in hand when asked, answering from the starts solved so far', async () => {
    let solved = 0;
    const result = (await estimateJob(tiny(), estimateBody, 'job_stop', { onProgress: () => (solved += 1), shouldStop: () => solved >= 2 })) as { options: { start: string }[]; solver: { status: string }; estimateId: string };
    expect(result.options.map((o) => o.start)).toEqual(['2027-01-06', '2027-01-13']);
    expect(result.solver.status).toBe('stopped');
    expect(result.estimateId).toBe('job_stop');
  });

  it('answers from the first candidate alone when the time limit is already spent', async () => {
    const result = await estimate(tiny(), { opportunityId: 'o-2', window: { weeks: 4 } }, { timeLimitSeconds: 0 });
    expect(result.options).toHaveLength(1);
    expect(result.solver.status).toBe('timedout');
  });
});

describe('hiring-forecast job: progress and stop', () => {
  it('reports the shortage weeks, then the actions and the signals', async () => {
    const seen: { phase: string; percent: number }[] = [];
    await hiringForecastJob(tiny(), hiringBody, undefined, { onProgress: (p) => seen.push(p) });
    const shortage = seen.filter((p) => p.phase === 'shortage').map((p) => p.percent);
    expect(shortage).toHaveLength(8);
    expect(shortage[7]).toBe(70);
    expect([...shortage].sort((a, b) => a - b)).toEqual(shortage);
    expect(seen.slice(-2)).toEqual([{ phase: 'actions', percent: 70 }, { phase: 'signals', percent: 95 }]);
  });

  it('stops between the week LPs once asked, with HiringStoppedError', async () => {
    let weeks = 0;
    const run = hiringForecastJob(tiny(), hiringBody, undefined, { onProgress: () => (weeks += 1), shouldStop: () => weeks >= 3 });
    await expect(run).rejects.toBeInstanceOf(HiringStoppedError);
    expect(weeks).toBe(3);
  });
});
