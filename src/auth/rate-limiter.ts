/**
 * A fixed-window counter per caller: at most `limit` requests per `windowMs`. Pure and clock-injected so
 * its rule is unit-tested; the guard holds one per process (several API instances each count on their own).
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (the Retry-After of a refused request). */
  resetSeconds: number;
}

export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(caller: string, now: number): RateDecision {
    this.sweep(now);
    let window = this.windows.get(caller);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
    }
    window.count++;
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return {
      allowed: window.count <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetSeconds,
    };
  }

  /** Forgets expired windows once per window length, so idle callers do not accumulate. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [caller, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(caller);
  }
}
