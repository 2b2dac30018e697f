/** The messages between the job runner (main thread) and a solver thread. */
import type { Scenario } from '../../solver/types.js';
import type { JobKind } from './job-kinds.js';
import type { SolveContext } from './solvers.js';

export interface SolveTask {
  kind: JobKind;
  scenario: Scenario;
  request: unknown;
  timeLimitSeconds?: number;
  context: SolveContext;
  /** Int32Array over it: index 0 becomes non-zero when the solve must stop and return its best so far. */
  stopFlag: SharedArrayBuffer;
}

export interface SerializedError {
  name: string;
  message: string;
  /** ScenarioError's field path. */
  path?: string;
  stack?: string;
}

export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'progress'; phase: string; percent: number }
  | { type: 'done'; document: unknown }
  | { type: 'failed'; error: SerializedError };
