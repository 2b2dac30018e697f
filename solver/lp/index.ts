/**
 * The LP/MIP layer of staffplan's solver: one sparse model shape (LinearProgram, built with LpBuilder)
 * and two interchangeable backends (HiGHS WebAssembly, javascript-lp-solver) behind LpBackend. Every
 * backend answer is verified here (bounds, rows, integrality, objective recomputed) before anyone sees it.
 *
 * ```ts
 * const b = new LpBuilder('max');
 * const x = b.addColumn(3, 0, 4);
 * b.addRow([x], [1], -Infinity, 2);
 * const result = await getBackend('highs').solve(b.build(), { timeLimitSeconds: 5 });
 * if (result.hasSolution) use(result.values, result.rowDuals);
 * ```
 */
import type { BackendName } from '../types.js';
import { highsBackend } from './highs-backend.js';
import { jslpBackend } from './jslp-backend.js';
import type { LinearProgram, ModelSize } from './model.js';
import type { LpResult, LpSolveOptions } from './result.js';

export { LpBuilder, objectiveOf, relaxIntegrality, rowActivities, sizeOf } from './model.js';
export type { LinearProgram, ModelSize, ObjectiveSense } from './model.js';
export { acceptResult } from './result.js';
export type { LpResult, LpSolveOptions, LpStatus, RawBackendAnswer } from './result.js';
export { FEASIBILITY_TOLERANCE, snapIntegers, verifySolution } from './verify.js';
export type { SolutionCheck } from './verify.js';
export { loadHighsRuntime } from './highs-backend.js';

export interface LpBackend {
  name: BackendName;
  /** Solves and verifies; never throws for solver trouble (status 'error' with a message instead). */
  solve(lp: LinearProgram, options?: LpSolveOptions): Promise<LpResult>;
}

export function getBackend(name: BackendName): LpBackend {
  if (name === 'highs') return highsBackend;
  if (name === 'jslp') return jslpBackend;
  throw new RangeError(`unknown LP backend '${String(name)}'`);
}

/**
 * Largest models javascript-lp-solver gets under 'auto'. It is a dense-tableau solver: measured fine on
 * small LPs, 1.9 GB at 200 people, and wrong on a 50-person MIP, so integer models go to it only when tiny.
 */
export const JSLP_LIMITS = { maxCols: 400, maxRows: 400, maxIntegers: 12 } as const;

/** 'jslp' only for small models; everything else (and anything with many integers) goes to HiGHS. */
export function chooseBackend(size: ModelSize): BackendName {
  const small = size.numCols <= JSLP_LIMITS.maxCols && size.numRows <= JSLP_LIMITS.maxRows;
  return small && size.numIntegers <= JSLP_LIMITS.maxIntegers ? 'jslp' : 'highs';
}

/** Resolves 'auto' (or nothing) to a concrete backend for a model of this size. */
export function resolveBackend(requested: BackendName | 'auto' | undefined, size: ModelSize): LpBackend {
  return getBackend(requested === undefined || requested === 'auto' ? chooseBackend(size) : requested);
}
