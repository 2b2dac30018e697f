/**
 * Independent check of a solution a backend returned: column bounds, row bounds, integrality, and the
 * objective recomputed from the values. A backend's own status is never taken on faith
 * (javascript-lp-solver was measured returning fractional "optimal" MIP answers).
 */
import { LinearProgram, objectiveOf, rowActivities } from './model.js';

/** Absolute tolerance, scaled up for large bounds so that 1e-6 is relative above magnitude 1. */
export const FEASIBILITY_TOLERANCE = 1e-6;

export interface SolutionCheck {
  feasible: boolean;
  maxViolation: number;
  /** Up to a few human-readable violations, for logs and error messages. */
  violations: string[];
  objective: number;
}

function allowance(bound: number, tolerance: number): number {
  return tolerance * Math.max(1, Math.abs(bound));
}

function excess(value: number, lower: number, upper: number, tolerance: number): number {
  if (Number.isNaN(value)) return Infinity;
  if (value < lower - allowance(lower, tolerance)) return lower - value;
  if (value > upper + allowance(upper, tolerance)) return value - upper;
  return 0;
}

/** Rounds integer columns that are integral within tolerance to the exact integer, in place. */
export function snapIntegers(lp: LinearProgram, values: Float64Array, tolerance = FEASIBILITY_TOLERANCE): void {
  for (let j = 0; j < lp.numCols; j++) {
    if (lp.integer[j] && Math.abs(values[j] - Math.round(values[j])) <= tolerance) values[j] = Math.round(values[j]);
  }
}

export function verifySolution(
  lp: LinearProgram,
  values: ArrayLike<number>,
  tolerance = FEASIBILITY_TOLERANCE,
): SolutionCheck {
  const violations: string[] = [];
  let maxViolation = 0;
  const note = (amount: number, text: string): void => {
    maxViolation = Math.max(maxViolation, amount);
    if (violations.length < 5) violations.push(text);
  };
  if (values.length !== lp.numCols) {
    return { feasible: false, maxViolation: Infinity, violations: [`expected ${lp.numCols} values, got ${values.length}`], objective: NaN };
  }
  for (let j = 0; j < lp.numCols; j++) {
    const over = excess(values[j], lp.colLower[j], lp.colUpper[j], tolerance);
    if (over > 0) note(over, `column ${j} = ${values[j]} outside [${lp.colLower[j]}, ${lp.colUpper[j]}]`);
    if (lp.integer[j]) {
      const fraction = Math.abs(values[j] - Math.round(values[j]));
      if (fraction > tolerance) note(fraction, `integer column ${j} = ${values[j]} is fractional`);
    }
  }
  const activity = rowActivities(lp, values);
  for (let r = 0; r < lp.numRows; r++) {
    const over = excess(activity[r], lp.rowLower[r], lp.rowUpper[r], tolerance);
    if (over > 0) note(over, `row ${r} activity ${activity[r]} outside [${lp.rowLower[r]}, ${lp.rowUpper[r]}]`);
  }
  return { feasible: violations.length === 0, maxViolation, violations, objective: objectiveOf(lp, values) };
}
