/**
 * What a backend answers, and the gate every answer passes: the solution is re-checked against the
 * model (bounds, rows, integrality) and the objective recomputed here, whatever status the backend gave.
 */
import { LinearProgram } from './model.js';
import { FEASIBILITY_TOLERANCE, snapIntegers, verifySolution } from './verify.js';

export type LpStatus = 'optimal' | 'feasible' | 'timedout' | 'infeasible' | 'unbounded' | 'error';

export interface LpSolveOptions {
  /** Wall-clock limit for this solve; the best verified incumbent is returned when it hits. */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which the solve may stop (HiGHS default 1e-4). */
  mipRelGap?: number;
  /** Cooperative cancellation, polled by the backend during long solves. */
  shouldStop?: () => boolean;
  /**
   * Branch-and-bound node cap: a deterministic work limit (a time limit is not). Reaching it gives
   * status 'feasible' with the incumbent. HiGHS only.
   */
  mipMaxNodes?: number;
  /** A feasible (or nearly) starting point for a MIP, numCols values. HiGHS only. */
  initialSolution?: Float64Array;
}

export interface LpResult {
  status: LpStatus;
  /** True when `values` holds a verified solution (always for optimal / feasible). */
  hasSolution: boolean;
  /** Objective recomputed from `values` (offset included); NaN without a solution. */
  objective: number;
  /** Column values, length numCols when hasSolution, else empty. */
  values: Float64Array;
  /**
   * Shadow prices of an LP (no integer columns): the change of the objective per unit increase of the
   * row's binding bound, in the model's own sense. Only from HiGHS, only for optimal LPs.
   */
  rowDuals?: Float64Array;
  /** Relative MIP gap the backend reports (0 for a proven optimum). */
  mipGap?: number;
  /** A proven bound on the optimum: an upper bound when maximizing, a lower bound when minimizing. */
  dualBound?: number;
  timeMs: number;
  /** The backend's own status word, for logs. */
  backendStatus: string;
  /** Why the answer was downgraded, or the backend's error. */
  message?: string;
}

/** What a backend hands to `acceptResult` before verification. */
export interface RawBackendAnswer {
  status: LpStatus;
  values?: Float64Array;
  rowDuals?: Float64Array;
  mipGap?: number;
  dualBound?: number;
  backendStatus: string;
  message?: string;
}

function boundIsConsistent(lp: LinearProgram, objective: number, dualBound: number): boolean {
  const slack = FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(objective));
  return lp.sense === 'max' ? dualBound >= objective - slack : dualBound <= objective + slack;
}

/**
 * Verifies a raw backend answer and returns the trusted result. A solution that breaks a bound, a row
 * or integrality is discarded and the status becomes 'error'; a claimed bound on the wrong side of the
 * verified objective is dropped.
 */
export function acceptResult(lp: LinearProgram, raw: RawBackendAnswer, timeMs: number): LpResult {
  const claimsSolution = raw.status === 'optimal' || raw.status === 'feasible' || raw.status === 'timedout';
  if (!claimsSolution || !raw.values) {
    const status = raw.status === 'optimal' || raw.status === 'feasible' ? 'error' : raw.status;
    const message = status === 'error' && raw.status !== 'error' ? 'backend claimed a solution but returned no values' : raw.message;
    return { status, hasSolution: false, objective: NaN, values: new Float64Array(0), timeMs, backendStatus: raw.backendStatus, message };
  }
  const values = raw.values;
  snapIntegers(lp, values);
  const check = verifySolution(lp, values);
  if (!check.feasible) {
    return {
      status: 'error',
      hasSolution: false,
      objective: NaN,
      values: new Float64Array(0),
      timeMs,
      backendStatus: raw.backendStatus,
      message: `backend answer rejected (${raw.status}): ${check.violations.join('; ')}`,
    };
  }
  let dualBound = raw.dualBound;
  if (raw.status === 'optimal' && lp.numIntegers === 0) dualBound = check.objective;
  if (dualBound !== undefined && !(Number.isFinite(dualBound) && boundIsConsistent(lp, check.objective, dualBound))) {
    dualBound = undefined;
  }
  return {
    status: raw.status,
    hasSolution: true,
    objective: check.objective,
    values,
    rowDuals: lp.numIntegers === 0 && raw.status === 'optimal' ? raw.rowDuals : undefined,
    mipGap: raw.mipGap,
    dualBound,
    timeMs,
    backendStatus: raw.backendStatus,
    message: raw.message,
  };
}
