/**
 * A pool of solver threads for one worker process. Each solve runs in its own thread (reused for the
 * next job unless the solve was stopped hard), so the main thread stays free for BullMQ lock renewal
 * and heartbeats. A run ends in one of three ways: the document; the solver's error; or the thread being
 * terminated (hard time limit, hand-back on shutdown, or a crash).
 */
import { Worker } from 'node:worker_threads';
import { JobTimeLimitError, SolverError, SolverThreadExitedError, type JobRunError } from './job-errors.js';
import type { SolveTask, ThreadMessage } from './solve-protocol.js';
import { compiledSibling } from './compiled-path.js';
import type { Progress } from '../../solver/types.js';

export interface SolverThreadOptions {
  /** The compiled thread entry point (solve-thread.js). */
  script: URL;
  /** The module whose SOLVERS the thread runs (solvers.js); tests pass a fault-injecting one. */
  solversModule: URL;
  recycleAfter: number;
}

export function defaultSolverThreadOptions(recycleAfter: number): SolverThreadOptions {
  return {
    script: compiledSibling(import.meta.url, 'solve-thread.js'),
    solversModule: compiledSibling(import.meta.url, 'solvers.js'),
    recycleAfter,
  };
}

interface PooledThread {
  worker: Worker;
  solves: number;
}

export interface SolveRunOptions {
  hardLimitMs: number;
  onProgress: (progress: Progress) => void;
}

/** One solve in flight: `stop()` asks for the best so far, `abort()` ends it at once. */
export interface SolveRun {
  readonly document: Promise<unknown>;
  stop(): void;
  abort(reason: JobRunError): void;
}

export class SolverThreadPool {
  private readonly idle: PooledThread[] = [];
  private readonly busy = new Set<PooledThread>();

  constructor(private readonly options: SolverThreadOptions) {}

  /** Starts threads ahead of the first jobs, so module loading is not on a job's clock. */
  async warm(count: number): Promise<void> {
    const threads = await Promise.all(Array.from({ length: count }, () => this.spawn()));
    // An idle thread must not keep the process alive on its own (a busy one is ref'd while it solves).
    for (const thread of threads) thread.worker.unref();
    this.idle.push(...threads);
  }

  run(task: Omit<SolveTask, 'stopFlag'>, options: SolveRunOptions): SolveRun {
    const stopFlag = new SharedArrayBuffer(4);
    let abortWith: ((reason: JobRunError) => void) | undefined;
    let pendingAbort: JobRunError | undefined;
    const document = this.acquire().then(
      (thread) =>
        new Promise<unknown>((resolve, reject) => {
          let settled = false;
          const finish = (outcome: { document: unknown } | { error: JobRunError }, reusable: boolean) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            thread.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
            this.release(thread, reusable);
            if ('error' in outcome) reject(outcome.error);
            else resolve(outcome.document);
          };
          const onMessage = (message: ThreadMessage) => {
            if (message.type === 'progress') options.onProgress({ phase: message.phase, percent: message.percent });
            else if (message.type === 'done') finish({ document: message.document }, true);
            else if (message.type === 'failed') finish({ error: new SolverError(message.error) }, true);
          };
          const onError = (error: Error) => finish({ error: new SolverThreadExitedError(error.message) }, false);
          const onExit = (code: number) => finish({ error: new SolverThreadExitedError(`exit code ${code}`) }, false);
          abortWith = (reason) => finish({ error: reason }, false);
          const timer = setTimeout(() => abortWith?.(new JobTimeLimitError(options.hardLimitMs)), options.hardLimitMs);
          thread.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
          if (pendingAbort) return abortWith(pendingAbort);
          thread.worker.postMessage({ ...task, stopFlag } satisfies SolveTask);
        }),
    );
    return {
      document,
      stop: () => Atomics.store(new Int32Array(stopFlag), 0, 1),
      abort: (reason) => (abortWith ? abortWith(reason) : (pendingAbort = reason)),
    };
  }

  /** Terminates every thread (shutdown). */
  async destroy(): Promise<void> {
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((thread) => thread.worker.terminate()));
  }

  private async acquire(): Promise<PooledThread> {
    const thread = this.idle.pop() ?? (await this.spawn());
    this.busy.add(thread);
    thread.worker.ref();
    return thread;
  }

  /** A thread that finished cleanly serves the next job; one that was stopped hard or crashed is replaced. */
  private release(thread: PooledThread, reusable: boolean): void {
    this.busy.delete(thread);
    thread.solves++;
    if (reusable && thread.solves < this.options.recycleAfter) {
      thread.worker.unref();
      this.idle.push(thread);
      return;
    }
    void thread.worker.terminate();
  }

  private spawn(): Promise<PooledThread> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.options.script, { workerData: { solversModule: this.options.solversModule.href } });
      const onReady = (message: ThreadMessage) => {
        if (message.type !== 'ready') return;
        worker.off('message', onReady).off('error', onFailure).off('exit', onFailure);
        resolve({ worker, solves: 0 });
      };
      const onFailure = (reason: Error | number) =>
        reject(new SolverThreadExitedError(typeof reason === 'number' ? `exit code ${reason} while starting` : reason.message));
      worker.on('message', onReady).on('error', onFailure).on('exit', onFailure);
    });
  }
}
