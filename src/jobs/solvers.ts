/**
 * The solver registry: which solver function answers each job kind. It runs INSIDE the solver thread
 * (solve-thread.ts imports it), so it may import only the pure solver — no NestJS, TypeORM or BullMQ.
 * A new kind plugs in with one line, e.g.
 *   'hiring-forecast': (scenario, request, control) => hiringForecast(scenario, request.horizon, { ...request, ...control }),
 */
import { capacityForecast, planStaffing } from '../../solver/index.js';
import { getBackend, LpBuilder } from '../../solver/lp/index.js';
import { estimateJob } from '../estimates/estimate-job.js';
import { hiringForecastJob } from '../hiring/hiring-job.js';
import type { Progress, Scenario } from '../../solver/types.js';
import type { JobDocument, JobKind, JobRequest } from './job-kinds.js';

/** What the job runner hands every solve: its time limit, progress sink and stop signal. */
export interface SolveControl {
  /** The solver's own limit, clamped below the job's hard limit so it returns its best so far first. */
  timeLimitSeconds?: number;
  onProgress: (progress: Progress) => void;
  /** True once the job was cancelled or must hand back: the solver stops and returns its best so far. */
  shouldStop: () => boolean;
}

/** The attempt of the job (1 on the first try); solvers ignore it, fault-injecting test solvers use it. */
export interface SolveContext {
  jobId: string;
  attempt: number;
}

export type SolverFunction<K extends JobKind> = (
  scenario: Scenario,
  request: JobRequest<K>,
  control: SolveControl,
  context: SolveContext,
) => Promise<JobDocument<K>>;

export type SolverRegistry = { [K in JobKind]?: SolverFunction<K> };

/**
 * The solver's time limit: the request's own limit, clamped to ~80 % of the job's hard limit, or that share
 * alone when the caller asked for none. A long solve thus returns its best plan so far (with a finite bound
 * that passes the checker) before the job's hard limit terminates the thread, which stays the backstop.
 */
export function solverLimit(requested: number | undefined, control: Pick<SolveControl, 'timeLimitSeconds'>): number | undefined {
  if (control.timeLimitSeconds === undefined) return requested;
  if (requested === undefined) return control.timeLimitSeconds;
  return Math.min(requested, control.timeLimitSeconds);
}

/**
 * Run once in each solver thread before it reports ready: loads and compiles the HiGHS WebAssembly runtime
 * and solves a one-column MIP, so the first job of a thread does not pay that cold start (~1 s) on its clock.
 */
export async function warmUp(): Promise<void> {
  const model = new LpBuilder('max');
  const column = model.addColumn(1, 0, 1, true);
  model.addRow([column], [1], -Infinity, 1);
  await getBackend('highs').solve(model.build(), { timeLimitSeconds: 5 });
}

export const SOLVERS: SolverRegistry = {
  'staffing-plan': (scenario, request, control) =>
    planStaffing(scenario, request.horizon, {
      minProbability: request.minProbability,
      opportunityIds: request.opportunityIds,
      closingBefore: request.closingBefore,
      countRequestedPto: request.countRequestedPto,
      pinned: request.pinned,
      previousPlan: request.previousPlan ?? null,
      backend: request.backend,
      timeLimitSeconds: solverLimit(request.timeLimitSeconds, control),
      onProgress: control.onProgress,
      shouldStop: control.shouldStop,
    }),
  'capacity-forecast': (scenario, request, control) =>
    capacityForecast(scenario, request.horizon, {
      minProbability: request.minProbability,
      countRequestedPto: request.countRequestedPto,
      bucket: request.bucket,
      includeLeadForecasts: request.includeLeadForecasts,
      crmHorizonWeeks: request.crmHorizonWeeks,
      backend: request.backend,
      timeLimitSeconds: solverLimit(request.timeLimitSeconds, control),
      onProgress: control.onProgress,
      shouldStop: control.shouldStop,
    }),
  'hiring-forecast': (scenario, request, control) =>
    hiringForecastJob(scenario, request, solverLimit(request.timeLimitSeconds, control), control),
  estimate: (scenario, request, control, context) => estimateJob(scenario, request, context.jobId, control),
};
