import type { AttemptOutcome } from './webhook-delivery-attempt.entity.js';
import type { SendResult } from './webhook-sender.js';

/**
 * What follows an attempt (issue 6): 2xx delivered; 410 gone (the receiver asks us to stop: the endpoint
 * is disabled); anything else retried with exponential backoff while attempts remain, where 429 and 503
 * wait as long as their Retry-After asks.
 */
export type Decision =
  | { outcome: Extract<AttemptOutcome, 'delivered' | 'gone' | 'failed'> }
  | { outcome: 'retry'; delayMs: number };

export interface RetrySchedule {
  maxAttempts: number;
  backoffBaseMs: number;
}

/** Retry-After beyond a day is treated as a day, so one answer cannot park a delivery for ever. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

export function decide(result: SendResult, attempt: number, schedule: RetrySchedule, now: Date): Decision {
  const status = result.statusCode;
  if (status !== null && status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status === 410) return { outcome: 'gone' };
  if (attempt >= schedule.maxAttempts) return { outcome: 'failed' };
  const asked = status === 429 || status === 503 ? retryAfterMs(result.retryAfter, now) : null;
  return { outcome: 'retry', delayMs: asked ?? backoffDelayMs(attempt, schedule.backoffBaseMs) };
}

/** The wait after failed attempt n: base × 2^(n-1) (with the defaults 1 min, 2 min, … ~4 h: ~8.5 h in all). */
export function backoffDelayMs(attempt: number, backoffBaseMs: number): number {
  return backoffBaseMs * 2 ** Math.max(0, attempt - 1);
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}
