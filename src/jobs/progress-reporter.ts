import type { Progress } from '../../solver/types.js';

/** Where a job's progress goes: the database row (the API reads it) and BullMQ's job progress. */
export type ProgressSink = (progress: Progress) => Promise<unknown>;

/**
 * Forwards a solve's progress, only ever increasing, without piling up writes: one write is in flight
 * at a time and a newer value replaces the one waiting behind it. Percent steps below `minStep` within
 * the same phase are not worth a write.
 */
export class ProgressReporter {
  private highest = -1;
  private lastWritten: Progress | null = null;
  private waiting: Progress | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly sink: ProgressSink,
    private readonly minStep = 1,
  ) {}

  report(progress: Progress): void {
    const percent = Math.min(100, Math.max(progress.percent, this.highest, 0));
    this.highest = percent;
    const next = { phase: progress.phase, percent };
    if (this.lastWritten && next.phase === this.lastWritten.phase && percent - this.lastWritten.percent < this.minStep) return;
    this.waiting = next;
    if (!this.writing) this.writing = this.drain();
  }

  /** Resolves when every reported value has been written (or failed to be; progress is best effort). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.waiting) {
      const value = this.waiting;
      this.waiting = null;
      this.lastWritten = value;
      await this.sink(value).catch(() => undefined);
    }
    this.writing = null;
  }
}
