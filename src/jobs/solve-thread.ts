/**
 * The solver thread: a worker_threads entry point (compiled to dist/src/jobs/solve-thread.js) that runs
 * one solve at a time for the job runner, so CPU-bound solving never blocks the worker's event loop (lock
 * renewal, heartbeats, HTTP). Cancellation arrives through a SharedArrayBuffer flag because the solver
 * never yields to this thread's event loop while it works.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SolveTask, ThreadMessage, SerializedError } from './solve-protocol.js';
import type { SolverRegistry } from './solvers.js';

const STOP_INDEX = 0;

/** The registry module's SOLVERS, after its optional `warmUp()` (solver runtimes loaded before the first job). */
async function loadRegistry(): Promise<SolverRegistry> {
  const module = (await import((workerData as { solversModule: string }).solversModule)) as { SOLVERS: SolverRegistry; warmUp?: () => Promise<void> };
  // A failed warm-up is not fatal: the first solve loads the runtime itself (and reports its own error).
  if (typeof module.warmUp === 'function') await module.warmUp().catch(() => undefined);
  return module.SOLVERS;
}

function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const path = (error as { path?: unknown }).path;
  return { name: error.name, message: error.message, path: typeof path === 'string' ? path : undefined, stack: error.stack };
}

async function solve(registry: SolverRegistry, task: SolveTask): Promise<ThreadMessage> {
  const solver = registry[task.kind] as ((...args: unknown[]) => Promise<unknown>) | undefined;
  if (!solver) return { type: 'failed', error: { name: 'UnknownKindError', message: `no solver is registered for job kind "${task.kind}"` } };
  const stop = new Int32Array(task.stopFlag);
  const control = {
    timeLimitSeconds: task.timeLimitSeconds,
    onProgress: (progress: { phase: string; percent: number }) => parentPort?.postMessage({ type: 'progress', ...progress } satisfies ThreadMessage),
    shouldStop: () => Atomics.load(stop, STOP_INDEX) !== 0,
  };
  try {
    const document = await solver(task.scenario, task.request, control, task.context);
    return { type: 'done', document };
  } catch (error) {
    return { type: 'failed', error: serializeError(error) };
  }
}

const registry = await loadRegistry();
parentPort?.on('message', (task: SolveTask) => {
  void solve(registry, task).then((message) => parentPort?.postMessage(message));
});
parentPort?.postMessage({ type: 'ready' } satisfies ThreadMessage);
