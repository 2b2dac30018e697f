import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs, decide, retryAfterMs } from './delivery-policy.js';
import type { SendResult } from './webhook-sender.js';

const answer = (statusCode: number | null, retryAfter: string | null = null): SendResult => ({
  statusCode, retryAfter, latencyMs: 12, error: statusCode !== null && statusCode < 300 ? null : 'failed',
});
const schedule = { maxAttempts: 4, backoffBaseMs: 1000 };
const now = new Date('2027-01-04T09:00:00Z');

describe('decide', () => {
  it('is delivered on any 2xx', () => {
    expect(decide(answer(200), 1, schedule, now)).toEqual({ outcome: 'delivered' });
    expect(decide(answer(204), 4, schedule, now)).toEqual({ outcome: 'delivered' });
  });

  it('is gone on 410, even with attempts left', () => {
    expect(decide(answer(410), 1, schedule, now)).toEqual({ outcome: 'gone' });
  });

  it('retries other answers and transport errors with exponential backoff until the attempts run out', () => {
    expect(decide(answer(500), 1, schedule, now)).toEqual({ outcome: 'retry', delayMs: 1000 });
    expect(decide(answer(null), 2, schedule, now)).toEqual({ outcome: 'retry', delayMs: 2000 });
    expect(decide(answer(302), 3, schedule, now)).toEqual({ outcome: 'retry', delayMs: 4000 });
    expect(decide(answer(500), 4, schedule, now)).toEqual({ outcome: 'failed' });
  });

  it('waits as long as Retry-After asks on 429 and 503, and ignores it on other statuses', () => {
    expect(decide(answer(429, '120'), 1, schedule, now)).toEqual({ outcome: 'retry', delayMs: 120_000 });
    expect(decide(answer(503, 'Mon, 04 Jan 2027 09:00:30 GMT'), 1, schedule, now)).toEqual({ outcome: 'retry', delayMs: 30_000 });
    expect(decide(answer(500, '120'), 1, schedule, now)).toEqual({ outcome: 'retry', delayMs: 1000 });
    expect(decide(answer(429, 'soon'), 2, schedule, now)).toEqual({ outcome: 'retry', delayMs: 2000 });
  });
});

describe('backoff and Retry-After', () => {
  it('doubles from the base: the defaults (1 min, 10 attempts) spread retries over about 8.5 hours', () => {
    const delays = Array.from({ length: 9 }, (_, i) => backoffDelayMs(i + 1, 60_000));
    expect(delays[0]).toBe(60_000);
    expect(delays[8]).toBe(256 * 60_000);
    expect(delays.reduce((a, b) => a + b, 0) / 3_600_000).toBeCloseTo(8.52, 2);
  });

  it('reads seconds and HTTP dates, caps at a day, and treats a past date as now', () => {
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('999999', now)).toBe(24 * 3_600_000);
    expect(retryAfterMs('Sun, 03 Jan 2027 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
