import { describe, expect, it } from '@jest/globals';
import { solverLimit } from './solvers.js';

describe('solverLimit', () => {
  const job = { timeLimitSeconds: 480 };

  it("gives the solver the job's share when the caller asked for no limit, so it returns its best before the kill", () => {
    expect(solverLimit(undefined, job)).toBe(480);
  });

  it("keeps a caller's shorter limit and clamps a longer one to the job's share", () => {
    expect(solverLimit(30, job)).toBe(30);
    expect(solverLimit(900, job)).toBe(480);
  });

  it("passes the caller's limit through when the runner sets none (the CLI path)", () => {
    expect(solverLimit(12, {})).toBe(12);
    expect(solverLimit(undefined, {})).toBeUndefined();
  });
});
