/**
 * The hiring-forecast job as the solver thread runs it (src/jobs/solvers.ts). No framework import — this
 * runs in a worker thread.
 */
import { hiringForecast, type HiringOptions, type Scenario } from '../../solver/index.js';
import type { JobRequest } from '../jobs/job-kinds.js';

/** What the job runner passes besides the time limit: its progress sink and stop signal. */
export type HiringJobControl = Pick<HiringOptions, 'onProgress' | 'shouldStop'>;

export function hiringOptionsOf(body: JobRequest<'hiring-forecast'>, timeLimitSeconds?: number, control: HiringJobControl = {}): HiringOptions {
  return {
    minProbability: body.minProbability,
    countRequestedPto: body.countRequestedPto,
    includeLeadForecasts: (body.includeLeadForecasts as boolean | undefined) ?? true,
    crmHorizonWeeks: body.crmHorizonWeeks as number | undefined,
    backend: body.backend,
    timeLimitSeconds,
    onProgress: control.onProgress,
    shouldStop: control.shouldStop,
  };
}

/** A cancelled forecast throws HiringStoppedError (the job ends cancelled without a result). */
export async function hiringForecastJob(scenario: Scenario, body: JobRequest<'hiring-forecast'>, timeLimitSeconds?: number, control: HiringJobControl = {}): Promise<Record<string, unknown>> {
  return (await hiringForecast(scenario, body.horizon, hiringOptionsOf(body, timeLimitSeconds, control))) as unknown as Record<string, unknown>;
}
