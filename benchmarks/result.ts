/** The record one contender run produces, shared by the child runner, the report and the JSON output. */
export type ContenderName = 'staffplan' | 'greedy' | 'mip' | 'jslp';
export const CONTENDERS: ContenderName[] = ['staffplan', 'greedy', 'mip', 'jslp'];

export interface ContenderResult {
  size: string;
  seed: number;
  contender: ContenderName;
  /** Solver status ('optimal', 'feasible', 'timedout', 'error', 'skipped', …). */
  status: string;
  timeSeconds: number | null;
  buildSeconds?: number;
  solveSeconds?: number;
  peakMB: number;
  objective: number | null;
  coverage: number | null;
  margin: number | null;
  unmetExpectedHours: number | null;
  pairsUsed?: number;
  bound?: { value: number; kind: string };
  gap?: number | null;
  /** Verdict of the independent checker (solver/checker) on the plan document. */
  checker: 'ok' | 'failed' | 'not run';
  checkerViolations?: string[];
  /** Every plan rule re-verified on the PlanningProblem by the benchmark itself. */
  rulesOk?: boolean;
  message?: string;
  details?: Record<string, unknown>;
  /** Filled in by the parent: coverage / reference coverage, coverage / greedy coverage. */
  coverageVsReference?: number | null;
  coverageVsGreedy?: number | null;
}
