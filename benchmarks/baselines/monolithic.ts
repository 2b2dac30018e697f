/**
 * The monolithic model solved by one backend through solver/lp's interface (HiGHS WebAssembly or
 * javascript-lp-solver). solver/lp verifies every answer (bounds, rows, integrality) before it is
 * used, so a wrong or fractional answer comes back as status 'error' with the reason, never as a plan.
 */
import { getBackend, sizeOf, type LpResult, type ModelSize } from '../../solver/lp/index.js';
import type { BackendName, PlanningProblem } from '../../solver/types.js';
import type { StaffedHours } from '../staffing.js';
import { buildStaffingModel, staffingFromValues, type ModelVariant } from './mip-model.js';

/** Above this many columns the model is not built: the 2 GiB WebAssembly heap (STACK.md) cannot hold it. */
export const MAX_WASM_COLUMNS = 4_000_000;

export interface MonolithicOptions extends ModelVariant {
  backend: BackendName;
  timeLimitSeconds: number;
  mipRelGap?: number;
}

export interface MonolithicOutcome {
  hours: StaffedHours[] | null;
  status: LpResult['status'] | 'skipped';
  backendStatus: string;
  objective: number;
  dualBound?: number;
  mipGap?: number;
  buildMs: number;
  solveMs: number;
  model?: ModelSize;
  message?: string;
}

/** Hour columns the full model would have, counted before building anything. */
export function estimatedColumns(problem: PlanningProblem): number {
  let columns = problem.pairs.length;
  for (const pair of problem.pairs) columns += problem.lines[pair.line].weeks.length;
  return columns;
}

export async function solveMonolithic(problem: PlanningProblem, options: MonolithicOptions): Promise<MonolithicOutcome> {
  const columns = estimatedColumns(problem);
  if (columns > MAX_WASM_COLUMNS) {
    return {
      hours: null, status: 'skipped', backendStatus: 'not built', objective: NaN, buildMs: 0, solveMs: 0,
      message: `model would have ~${columns.toLocaleString('en-US')} columns: beyond the WebAssembly memory ceiling (limit ${MAX_WASM_COLUMNS.toLocaleString('en-US')})`,
    };
  }
  const buildStarted = performance.now();
  const model = buildStaffingModel(problem, options);
  const buildMs = performance.now() - buildStarted;
  const result = await getBackend(options.backend).solve(model.lp, { timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap });
  return {
    hours: result.hasSolution ? staffingFromValues(model, result.values) : null,
    status: result.status,
    backendStatus: result.backendStatus,
    objective: result.objective,
    dualBound: result.dualBound,
    mipGap: result.mipGap,
    buildMs,
    solveMs: result.timeMs,
    model: sizeOf(model.lp),
    message: result.message,
  };
}
