import { describe, expect, it } from '@jest/globals';
import { FixedWindowRateLimiter } from './rate-limiter.js';

describe('FixedWindowRateLimiter', () => {
  it('allows `limit` requests per window per caller, then refuses with the seconds until reset', () => {
    const limiter = new FixedWindowRateLimiter(2, 60_000);
    expect(limiter.hit('k', 0).allowed).toBe(true);
    expect(limiter.hit('k', 1000).allowed).toBe(true);
    expect(limiter.hit('k', 15_000)).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 45 });
    expect(limiter.hit('other', 15_000).allowed).toBe(true);
  });

  it('starts a fresh window once the old one is over', () => {
    const limiter = new FixedWindowRateLimiter(1, 60_000);
    limiter.hit('k', 0);
    expect(limiter.hit('k', 59_999).allowed).toBe(false);
    expect(limiter.hit('k', 60_000).allowed).toBe(true);
  });
});
