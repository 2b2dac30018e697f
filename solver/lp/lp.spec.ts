import { describe, expect, it } from '@jest/globals';
import { acceptResult, chooseBackend, getBackend, LinearProgram, LpBuilder, verifySolution } from './index.js';

/** The workshop MIP: max 30 chairs + 50 tables, carpentry c + 2t ≤ 40, finishing 2c + t ≤ 50. Optimum 1100 at (20, 10). */
function workshop(integer: boolean): LinearProgram {
  const b = new LpBuilder('max');
  const chairs = b.addColumn(30, 0, Infinity, integer);
  const tables = b.addColumn(50, 0, Infinity, integer);
  b.addRow([chairs, tables], [1, 2], -Infinity, 40);
  b.addRow([chairs, tables], [2, 1], -Infinity, 50);
  return b.build();
}

/** An LP whose optimum is fractional: max x + y, 2x + 2y ≤ 3, x ≤ 1.2 integer → MIP optimum 1. */
function fractionalMip(): LinearProgram {
  const b = new LpBuilder('max');
  const x = b.addColumn(1, 0, 1.2, true);
  const y = b.addColumn(1, 0, 1.2, true);
  b.addRow([x, y], [2, 2], -Infinity, 3);
  return b.build();
}

describe('LpBuilder', () => {
  it('stores rows compressed by row with their bounds and integrality', () => {
    const lp = workshop(true);
    expect(lp.numCols).toBe(2);
    expect(lp.numRows).toBe(2);
    expect(Array.from(lp.rowStarts)).toEqual([0, 2, 4]);
    expect(Array.from(lp.rowIndices)).toEqual([0, 1, 0, 1]);
    expect(Array.from(lp.rowValues)).toEqual([1, 2, 2, 1]);
    expect(lp.numIntegers).toBe(2);
    expect(Array.from(lp.rowUpper)).toEqual([40, 50]);
  });

  it('rejects a row that names an unknown column or repeats one', () => {
    const b = new LpBuilder('min');
    const x = b.addColumn(1);
    expect(() => b.addRow([x, 5], [1, 1], 0, 1)).toThrow(RangeError);
    expect(() => b.addRow([x, x], [1, 1], 0, 1)).toThrow(RangeError);
    expect(() => b.addColumn(1, 2, 1)).toThrow(RangeError);
  });
});

describe.each(['highs', 'jslp'] as const)('%s backend', (name) => {
  const backend = getBackend(name);

  it('finds the workshop MIP optimum with integral values and recomputes the objective', async () => {
    const result = await backend.solve(workshop(true), { timeLimitSeconds: 10 });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(1100, 6);
    expect(Array.from(result.values)).toEqual([20, 10]);
  });

  it('solves an LP with a free column and a positive lower bound', async () => {
    const b = new LpBuilder('min');
    const free = b.addColumn(1, -Infinity, Infinity);
    const floored = b.addColumn(2, 1.5, 4);
    b.addRow([free, floored], [1, 1], -3, Infinity);
    const result = await backend.solve(b.build());
    expect(result.status).toBe('optimal');
    expect(result.values[1]).toBeCloseTo(1.5, 6);
    expect(result.values[0]).toBeCloseTo(-4.5, 6);
    expect(result.objective).toBeCloseTo(-1.5, 6);
  });

  it('reports an infeasible model as infeasible, without values', async () => {
    const b = new LpBuilder('max');
    const x = b.addColumn(1, 0, 1);
    b.addRow([x], [1], 2, Infinity);
    const result = await backend.solve(b.build());
    expect(result.status).toBe('infeasible');
    expect(result.hasSolution).toBe(false);
  });

  it('rounds a fractional relaxation to the true MIP optimum', async () => {
    const result = await backend.solve(fractionalMip());
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(1, 6);
  });
});

describe('HiGHS row duals', () => {
  it('are shadow prices: raising a binding row bound by one raises the objective by its dual', async () => {
    const highs = getBackend('highs');
    const base = await highs.solve(workshop(false));
    expect(base.rowDuals).toBeDefined();
    const lp = workshop(false);
    lp.rowUpper[0] += 1;
    const raised = await highs.solve(lp);
    expect(raised.objective - base.objective).toBeCloseTo(base.rowDuals![0], 6);
    expect(base.rowDuals![0]).toBeGreaterThan(0);
  });

  it('are absent for a MIP, and the MIP reports its dual bound and gap', async () => {
    const result = await getBackend('highs').solve(workshop(true));
    expect(result.rowDuals).toBeUndefined();
    expect(result.dualBound).toBeGreaterThanOrEqual(result.objective - 1e-6);
    expect(result.mipGap).toBeLessThanOrEqual(1e-4);
  });
});

describe('answers are verified, not trusted', () => {
  it('rejects a backend answer whose integer columns are fractional', () => {
    const lp = fractionalMip();
    const result = acceptResult(lp, { status: 'optimal', values: new Float64Array([0.75, 0.75]), backendStatus: 'fake' }, 1);
    expect(result.status).toBe('error');
    expect(result.hasSolution).toBe(false);
    expect(result.message).toMatch(/fractional/);
  });

  it('rejects a backend answer that breaks a row and keeps a valid one with its recomputed objective', () => {
    const lp = workshop(false);
    const broken = acceptResult(lp, { status: 'feasible', values: new Float64Array([40, 10]), backendStatus: 'fake' }, 1);
    expect(broken.status).toBe('error');
    const fine = acceptResult(lp, { status: 'feasible', values: new Float64Array([1, 1]), backendStatus: 'fake' }, 1);
    expect(fine.status).toBe('feasible');
    expect(fine.objective).toBe(80);
  });

  it('drops a claimed bound that lies below the verified objective of a maximization', () => {
    const lp = workshop(false);
    const result = acceptResult(lp, { status: 'feasible', values: new Float64Array([20, 10]), dualBound: 900, backendStatus: 'fake' }, 1);
    expect(result.dualBound).toBeUndefined();
  });

  it('verifySolution names the violated column bound', () => {
    const check = verifySolution(workshop(false), [-1, 0]);
    expect(check.feasible).toBe(false);
    expect(check.violations[0]).toMatch(/column 0/);
  });
});

describe('chooseBackend', () => {
  it('keeps javascript-lp-solver to small models with few integers', () => {
    expect(chooseBackend({ numCols: 50, numRows: 30, numIntegers: 4 })).toBe('jslp');
    expect(chooseBackend({ numCols: 50, numRows: 30, numIntegers: 200 })).toBe('highs');
    expect(chooseBackend({ numCols: 50_000, numRows: 9_000, numIntegers: 0 })).toBe('highs');
  });
});
