/**
 * HiGHS (WebAssembly) behind the LpBackend interface. Models go in as typed CSR arrays through
 * `createModel` (measured ~2× faster and leaner than LP text) and are always disposed: garbage
 * collection does not free WebAssembly memory. `run()` is synchronous and blocks the thread.
 */
import * as highsModule from 'highs';
import { setFlagsFromString } from 'node:v8';
import type { Highs } from 'highs';
import { LinearProgram } from './model.js';
import { acceptResult, LpResult, LpSolveOptions, LpStatus, RawBackendAnswer } from './result.js';

type HighsLoader = () => Promise<Highs>;

// The package's type file is CommonJS-flavoured; under ESM the loader is the default export either way.
const highsLoader: HighsLoader = ((highsModule as unknown as { default?: HighsLoader }).default ??
  highsModule) as unknown as HighsLoader;

let runtime: Promise<Highs> | undefined;

/**
 * HiGHS runs on V8's baseline WebAssembly compiler (Liftoff) only. Measured on this 2-core machine: with
 * the default tier-up, the first MIP of a process spent ~3 s recompiling hot HiGHS code in the optimizing
 * tier (the S-size team MIP: 3.6 s vs 0.65 s), and even a 10-15 s MIP finished sooner without tier-up
 * (11.5 s vs 15.5 s). The flag only affects WebAssembly compiled after it is set: HiGHS is the only
 * WebAssembly module in the solver, so nothing else changes.
 */
function preferBaselineWasm(): void {
  setFlagsFromString('--liftoff-only');
}

/** Loads the WebAssembly runtime once per thread; a crashed runtime is replaced on the next call. */
export function loadHighsRuntime(): Promise<Highs> {
  if (!runtime) preferBaselineWasm();
  const loading = runtime ?? highsLoader();
  runtime = loading;
  return loading;
}

function forgetRuntime(): void {
  runtime = undefined;
}

/** HiGHS model status codes (types.d.ts ModelStatusCode) mapped to our words. */
function statusOf(code: number, hasPrimal: boolean): LpStatus {
  switch (code) {
    case 7:
      return 'optimal';
    case 8:
      return 'infeasible';
    case 9:
    case 10:
      return 'unbounded';
    case 6:
      return 'optimal'; // empty model: nothing to decide
    case 13:
      return 'timedout'; // acceptResult keeps the incumbent when there is one
    case 14:
    case 16:
      return hasPrimal ? 'feasible' : 'error'; // a work limit (iterations, nodes, solutions) hit
    case 17:
      return hasPrimal ? 'feasible' : 'error'; // interrupted by shouldStop
    default:
      return 'error';
  }
}

const STATUS_WORDS: Record<number, string> = {
  0: 'not-set', 1: 'load-error', 2: 'model-error', 3: 'presolve-error', 4: 'solve-error', 5: 'postsolve-error',
  6: 'empty', 7: 'optimal', 8: 'infeasible', 9: 'unbounded-or-infeasible', 10: 'unbounded',
  11: 'objective-bound', 12: 'objective-target', 13: 'time-limit', 14: 'iteration-limit', 15: 'unknown',
  16: 'solution-limit', 17: 'interrupted',
};

function modelDataOf(highs: Highs, lp: LinearProgram) {
  return {
    numCols: lp.numCols,
    numRows: lp.numRows,
    sense: lp.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: lp.offset,
    colCost: lp.colCost,
    colLower: lp.colLower,
    colUpper: lp.colUpper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: { format: 'csr' as const, numRows: lp.numRows, numCols: lp.numCols, starts: lp.rowStarts, indices: lp.rowIndices, values: lp.rowValues },
    integrality: lp.numIntegers > 0 ? Int32Array.from(lp.integer) : undefined,
  };
}

function infoNumber(model: { info: { get(name: string): number | bigint } }, name: string): number | undefined {
  try {
    const value = Number(model.info.get(name));
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Interrupt hooks that poll shouldStop; registered only when the caller gave one. */
function interruptCallbacks(highs: Highs, shouldStop: (() => boolean) | undefined) {
  if (!shouldStop) return undefined;
  const poll = (event: { interrupt(): void }): undefined => {
    if (shouldStop()) event.interrupt();
    return undefined;
  };
  const types = highs.constants.callbackType;
  return { [types.simplexInterrupt]: poll, [types.ipmInterrupt]: poll, [types.mipInterrupt]: poll };
}

function runModel(highs: Highs, lp: LinearProgram, options: LpSolveOptions): RawBackendAnswer {
  const model = highs.createModel(modelDataOf(highs, lp));
  try {
    const settings: Record<string, number | boolean | string> = { output_flag: false };
    if (options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)) settings.time_limit = Math.max(0.01, options.timeLimitSeconds);
    if (options.mipRelGap !== undefined) settings.mip_rel_gap = options.mipRelGap;
    if (options.mipMaxNodes !== undefined) settings.mip_max_nodes = Math.max(0, Math.floor(options.mipMaxNodes));
    model.options.set(settings);
    if (options.initialSolution && options.initialSolution.length === lp.numCols && lp.numIntegers > 0) {
      model.setSolution({ colValue: options.initialSolution });
    }
    model.run(interruptCallbacks(highs, options.shouldStop));
    const code = model.getModelStatus();
    const hasPrimal = infoNumber(model, 'primal_solution_status') === 2;
    const hasDual = infoNumber(model, 'dual_solution_status') === 2;
    const status = statusOf(code, hasPrimal);
    const solution = hasPrimal || code === 6 ? model.getSolution() : undefined;
    const isMip = lp.numIntegers > 0;
    return {
      status,
      values: solution ? Float64Array.from(solution.colValue) : undefined,
      rowDuals: !isMip && hasDual && solution ? Float64Array.from(solution.rowDual) : undefined,
      mipGap: isMip ? infoNumber(model, 'mip_gap') : undefined,
      dualBound: isMip ? infoNumber(model, 'mip_dual_bound') : undefined,
      backendStatus: STATUS_WORDS[code] ?? `status-${code}`,
    };
  } finally {
    model.dispose();
  }
}

export const highsBackend = {
  name: 'highs' as const,
  async solve(lp: LinearProgram, options: LpSolveOptions = {}): Promise<LpResult> {
    const started = performance.now();
    let raw: RawBackendAnswer;
    try {
      const highs = await loadHighsRuntime();
      raw = runModel(highs, lp, options);
    } catch (error) {
      // A WebAssembly abort (e.g. the 2 GiB ceiling) leaves the runtime unusable: load a fresh one next time.
      if ((error as Error).name === 'RuntimeError') forgetRuntime();
      raw = { status: 'error', backendStatus: 'exception', message: (error as Error).message };
    }
    return acceptResult(lp, raw, performance.now() - started);
  },
};
