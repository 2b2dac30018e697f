/**
 * A compact sparse linear (or mixed-integer) program and the builder that makes one.
 *
 * Rows are stored compressed by row (CSR) in typed arrays so a model with millions of non-zeros costs
 * a few flat buffers, not millions of objects. Both backends read this one shape.
 */

export type ObjectiveSense = 'max' | 'min';

export interface LinearProgram {
  sense: ObjectiveSense;
  numCols: number;
  numRows: number;
  /** Constant added to the objective. */
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array; // -Infinity for a free column
  colUpper: Float64Array; // Infinity for no upper bound
  /** 1 when the column must take an integer value. */
  integer: Uint8Array;
  numIntegers: number;
  rowLower: Float64Array; // -Infinity for no lower bound
  rowUpper: Float64Array; // Infinity for no upper bound
  /** CSR: row r holds entries rowStarts[r] .. rowStarts[r + 1] - 1. */
  rowStarts: Int32Array;
  rowIndices: Int32Array;
  rowValues: Float64Array;
}

export interface ModelSize {
  numCols: number;
  numRows: number;
  numIntegers: number;
  numNonzeros?: number;
}

/** A growable Float64Array: doubling keeps appends amortised O(1) without boxing numbers. */
class FloatBuffer {
  data: Float64Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds a LinearProgram column by column and row by row.
 *
 * ```ts
 * const b = new LpBuilder('max');
 * const x = b.addColumn(3, 0, 10);
 * const y = b.addColumn(2, 0, Infinity, true);
 * b.addRow([x, y], [1, 1], -Infinity, 12);
 * const lp = b.build();
 * ```
 */
export class LpBuilder {
  private readonly cost = new FloatBuffer();
  private readonly lower = new FloatBuffer();
  private readonly upper = new FloatBuffer();
  private readonly integrality: number[] = [];
  private readonly rowLo = new FloatBuffer();
  private readonly rowUp = new FloatBuffer();
  private readonly starts = new IntBuffer();
  private readonly indices = new IntBuffer();
  private readonly values = new FloatBuffer();
  private offset = 0;

  constructor(readonly sense: ObjectiveSense = 'max') {
    this.starts.push(0);
  }

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLo.length;
  }

  get numNonzeros(): number {
    return this.values.length;
  }

  /** Adds a column (variable) and returns its index. */
  addColumn(cost: number, lower = 0, upper = Infinity, integer = false): number {
    if (!Number.isFinite(cost)) throw new RangeError(`column cost must be finite, got ${cost}`);
    if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper) {
      throw new RangeError(`column bounds [${lower}, ${upper}] are invalid`);
    }
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integrality.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Adds a row `lower ≤ Σ values[k] × x[indices[k]] ≤ upper` and returns its index. */
  addRow(indices: ArrayLike<number>, values: ArrayLike<number>, lower: number, upper: number): number {
    if (indices.length !== values.length) throw new RangeError('row indices and values differ in length');
    if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper) {
      throw new RangeError(`row bounds [${lower}, ${upper}] are invalid`);
    }
    const seen = new Set<number>();
    for (let k = 0; k < indices.length; k++) {
      const column = indices[k];
      if (column < 0 || column >= this.numCols || !Number.isInteger(column)) {
        throw new RangeError(`row refers to unknown column ${column}`);
      }
      if (seen.has(column)) throw new RangeError(`row lists column ${column} twice`);
      if (!Number.isFinite(values[k])) throw new RangeError(`row coefficient must be finite`);
      seen.add(column);
      this.indices.push(column);
      this.values.push(values[k]);
    }
    this.rowLo.push(lower);
    this.rowUp.push(upper);
    this.starts.push(this.indices.length);
    return this.rowLo.length - 1;
  }

  /** Adds a constant to the objective (e.g. the value of fixed pinned hours). */
  addObjectiveOffset(amount: number): void {
    this.offset += amount;
  }

  build(): LinearProgram {
    const integer = Uint8Array.from(this.integrality);
    let numIntegers = 0;
    for (const flag of integer) numIntegers += flag;
    return {
      sense: this.sense,
      numCols: this.numCols,
      numRows: this.numRows,
      offset: this.offset,
      colCost: this.cost.toArray(),
      colLower: this.lower.toArray(),
      colUpper: this.upper.toArray(),
      integer,
      numIntegers,
      rowLower: this.rowLo.toArray(),
      rowUpper: this.rowUp.toArray(),
      rowStarts: this.starts.toArray(),
      rowIndices: this.indices.toArray(),
      rowValues: this.values.toArray(),
    };
  }
}

/** The same program with every integer column relaxed to continuous. */
export function relaxIntegrality(lp: LinearProgram): LinearProgram {
  return { ...lp, integer: new Uint8Array(lp.numCols), numIntegers: 0 };
}

/** Objective value of `values` in `lp`, offset included. */
export function objectiveOf(lp: LinearProgram, values: ArrayLike<number>): number {
  let total = lp.offset;
  for (let j = 0; j < lp.numCols; j++) total += lp.colCost[j] * values[j];
  return total;
}

/** Row activities A·x. */
export function rowActivities(lp: LinearProgram, values: ArrayLike<number>): Float64Array {
  const activity = new Float64Array(lp.numRows);
  for (let r = 0; r < lp.numRows; r++) {
    let sum = 0;
    for (let k = lp.rowStarts[r]; k < lp.rowStarts[r + 1]; k++) sum += lp.rowValues[k] * values[lp.rowIndices[k]];
    activity[r] = sum;
  }
  return activity;
}

export function sizeOf(lp: LinearProgram): ModelSize {
  return { numCols: lp.numCols, numRows: lp.numRows, numIntegers: lp.numIntegers, numNonzeros: lp.rowValues.length };
}
