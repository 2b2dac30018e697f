/**
 * javascript-lp-solver behind the LpBackend interface, for small models only. Its answers are never
 * trusted: a MIP time-out was measured returning `feasible: true` with fractional integer variables,
 * so every answer goes through acceptResult's independent check, and a time-out is never a plan.
 */
import * as jslpModule from 'javascript-lp-solver';
import { LinearProgram } from './model.js';
import { acceptResult, LpResult, LpSolveOptions, RawBackendAnswer } from './result.js';

interface JslpConstraint {
  min?: number;
  max?: number;
  equal?: number;
}

interface JslpModel {
  optimize: string;
  opType: 'max' | 'min';
  constraints: Record<string, JslpConstraint>;
  variables: Record<string, Record<string, number>>;
  ints: Record<string, 1>;
  unrestricted: Record<string, 1>;
  options: { timeout?: number; tolerance?: number; exitOnCycles?: boolean };
}

interface JslpSolver {
  Solve(model: JslpModel): Record<string, unknown>;
}

// The package's types describe CommonJS; under ESM the solver is the default export.
const jslp: JslpSolver = ((jslpModule as unknown as { default?: JslpSolver }).default ?? jslpModule) as JslpSolver;

const OBJECTIVE = '__objective';

function boundsConstraint(lower: number, upper: number): JslpConstraint | undefined {
  const hasLower = Number.isFinite(lower);
  const hasUpper = Number.isFinite(upper);
  if (hasLower && hasUpper && lower === upper) return { equal: lower };
  if (!hasLower && !hasUpper) return undefined;
  return { ...(hasLower ? { min: lower } : {}), ...(hasUpper ? { max: upper } : {}) };
}

/** Column bounds become one-variable constraints; jslp's columns are otherwise ≥ 0 or unrestricted. */
export function toJslpModel(lp: LinearProgram, options: LpSolveOptions): JslpModel {
  const model: JslpModel = {
    optimize: OBJECTIVE,
    opType: lp.sense,
    constraints: {},
    variables: {},
    ints: {},
    unrestricted: {},
    options: { exitOnCycles: true },
  };
  if (options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds)) model.options.timeout = Math.max(10, options.timeLimitSeconds * 1000);
  if (options.mipRelGap !== undefined) model.options.tolerance = options.mipRelGap;
  for (let j = 0; j < lp.numCols; j++) {
    const name = `c${j}`;
    model.variables[name] = { [OBJECTIVE]: lp.colCost[j] };
    if (lp.integer[j]) model.ints[name] = 1;
    if (lp.colLower[j] < 0) model.unrestricted[name] = 1;
    const lower = lp.colLower[j] === 0 ? -Infinity : lp.colLower[j];
    const bound = boundsConstraint(lower, lp.colUpper[j]);
    if (bound) {
      model.constraints[`b${j}`] = bound;
      model.variables[name][`b${j}`] = 1;
    }
  }
  for (let r = 0; r < lp.numRows; r++) {
    const bound = boundsConstraint(lp.rowLower[r], lp.rowUpper[r]);
    if (!bound) continue;
    model.constraints[`r${r}`] = bound;
    for (let k = lp.rowStarts[r]; k < lp.rowStarts[r + 1]; k++) model.variables[`c${lp.rowIndices[k]}`][`r${r}`] = lp.rowValues[k];
  }
  return model;
}

function readValues(lp: LinearProgram, answer: Record<string, unknown>): Float64Array {
  const values = new Float64Array(lp.numCols);
  for (let j = 0; j < lp.numCols; j++) {
    const value = answer[`c${j}`];
    values[j] = typeof value === 'number' ? value : 0; // jslp omits columns at zero
  }
  return values;
}

function interpret(lp: LinearProgram, answer: Record<string, unknown>, elapsedMs: number, limitMs: number | undefined): RawBackendAnswer {
  const feasible = answer.feasible === true;
  const bounded = answer.bounded !== false;
  const word = `feasible=${String(answer.feasible)} bounded=${String(answer.bounded)}`;
  if (!feasible) return { status: 'infeasible', backendStatus: word };
  if (!bounded) return { status: 'unbounded', backendStatus: word };
  // jslp does not say when its time-out cut the search short; near the limit its answer is unproven.
  if (limitMs !== undefined && elapsedMs >= limitMs * 0.98 && lp.numIntegers > 0) {
    return { status: 'timedout', values: readValues(lp, answer), backendStatus: `${word} (time limit)` };
  }
  return { status: 'optimal', values: readValues(lp, answer), backendStatus: word };
}

export const jslpBackend = {
  name: 'jslp' as const,
  async solve(lp: LinearProgram, options: LpSolveOptions = {}): Promise<LpResult> {
    const started = performance.now();
    let raw: RawBackendAnswer;
    try {
      const answer = jslp.Solve(toJslpModel(lp, options));
      const limitMs = options.timeLimitSeconds !== undefined && Number.isFinite(options.timeLimitSeconds) ? options.timeLimitSeconds * 1000 : undefined;
      raw = interpret(lp, answer, performance.now() - started, limitMs);
    } catch (error) {
      raw = { status: 'error', backendStatus: 'exception', message: (error as Error).message };
    }
    return acceptResult(lp, raw, performance.now() - started);
  },
};
