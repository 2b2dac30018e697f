/**
 * The hiring-forecast job as the solver thread runs it (src/jobs/solvers.ts). No framework import — this
 * runs in a worker thread.
 */
import { hiringForecast, type HiringOptions, type Scenario } from '../../solver/index.js';
import type { JobRequest } from '../jobs/job-kinds.js';

export function hiringOptionsOf(body: JobRequest<'hiring-forecast'>, timeLimitSeconds?: number): HiringOptions {
  return {
    minProbability: body.minProbability,
    countRequestedPto: body.countRequestedPto,
    includeLeadForecasts: (body.includeLeadForecasts as boolean | undefined) ?? true,
    backend: body.backend,
    timeLimitSeconds,
  };
}

export async function hiringForecastJob(scenario: Scenario, body: JobRequest<'hiring-forecast'>, timeLimitSeconds?: number): Promise<Record<string, unknown>> {
  return (await hiringForecast(scenario, body.horizon, hiringOptionsOf(body, timeLimitSeconds))) as unknown as Record<string, unknown>;
}
