/**
 * The run's clock, stop signal and progress reporting. Percent never decreases; the time limit is the
 * only time-dependent branch (when it hits, phases stop and the status says 'timedout').
 */
export interface Progress {
  phase: string;
  percent: number;
}

export class RunContext {
  readonly started = performance.now();
  private percent = 0;
  private timedOut = false;
  private stopped = false;
  readonly phases: { phase: string; timeMs: number }[] = [];
  private phaseStarted = performance.now();
  private phaseName = 'prepare';

  constructor(
    private readonly timeLimitSeconds: number | undefined,
    private readonly onProgress: ((progress: Progress) => void) | undefined,
    private readonly externalStop: (() => boolean) | undefined,
  ) {}

  elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  remainingSeconds(): number {
    return this.timeLimitSeconds === undefined ? Infinity : Math.max(0, this.timeLimitSeconds - this.elapsedSeconds());
  }

  /** True once the time limit has passed or the caller asked to stop; sticky. */
  shouldStop = (): boolean => {
    if (this.timedOut || this.stopped) return true;
    if (this.timeLimitSeconds !== undefined && this.elapsedSeconds() >= this.timeLimitSeconds) this.timedOut = true;
    else if (this.externalStop?.()) this.stopped = true;
    return this.timedOut || this.stopped;
  };

  get wasTimedOut(): boolean {
    return this.timedOut;
  }

  get wasStopped(): boolean {
    return this.stopped;
  }

  /** Starts a named phase and reports progress; percent is clamped so it never goes back. */
  phase(name: string, percent: number): void {
    const now = performance.now();
    this.phases.push({ phase: this.phaseName, timeMs: now - this.phaseStarted });
    this.phaseName = name;
    this.phaseStarted = now;
    this.report(name, percent);
  }

  report(name: string, percent: number): void {
    this.percent = Math.max(this.percent, Math.min(100, percent));
    this.onProgress?.({ phase: name, percent: this.percent });
  }

  finish(): void {
    this.phase('done', 100);
  }
}
