/**
 * Checks the parts of an estimate request that are not the scope: target margin, window, currency.
 * Any mistake is a ScenarioError naming the field (the service answers 400, the CLI exits 2).
 */
import { addDays, mondayOf, toDayNumber, toIsoDate } from '../calendar/dates.js';
import { ScenarioError } from '../errors.js';
import type { MoneyContext } from '../money.js';
import type { IsoDate } from '../types.js';
import type { EstimateRequest } from './types.js';

export const DEFAULT_WINDOW_WEEKS = 8;
export const MAX_WINDOW_WEEKS = 52;
export const DEFAULT_MIN_EMPLOYEE_SHARE = 0.8;

export function checkedTargetMargin(targetMargin: unknown): number | undefined {
  if (targetMargin === undefined || targetMargin === null) return undefined;
  if (typeof targetMargin !== 'number' || !Number.isFinite(targetMargin) || targetMargin < 0 || targetMargin >= 1) {
    throw new ScenarioError('targetMargin', `expected a fraction 0 ≤ margin < 1, got ${JSON.stringify(targetMargin)}`);
  }
  return targetMargin;
}

/**
 * The first day work may start: for an opportunity, the Monday of the week its deal closes (nobody
 * starts delivering a deal before it is signed); an inline scope has no close date, so no floor.
 */
export function dealCloseMonday(closeDate: IsoDate): IsoDate {
  return toIsoDate(mondayOf(toDayNumber(closeDate, 'closeDate')));
}

/**
 * The candidate start dates: `from` (window.from, else the expected start) and every 7 days after it
 * (same weekday), `weeks` in all. When `notBefore` (the deal's close Monday) is later than `from`, the
 * candidates start on `notBefore` instead.
 */
export function candidateStarts(request: EstimateRequest, expectedStart: IsoDate, notBefore?: IsoDate): IsoDate[] {
  const asked = request.window?.from ?? expectedStart;
  toDayNumber(asked, request.window?.from !== undefined ? 'window.from' : 'expectedStart');
  const from = notBefore !== undefined && notBefore > asked ? notBefore : asked;
  const weeks = request.window?.weeks ?? DEFAULT_WINDOW_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WINDOW_WEEKS) {
    throw new ScenarioError('window.weeks', `expected a whole number of candidate weeks from 1 to ${MAX_WINDOW_WEEKS}, got ${JSON.stringify(weeks)}`);
  }
  return Array.from({ length: weeks }, (_, k) => addDays(from, 7 * k));
}

/**
 * The candidate window of a horizon (DESIGN §7, the CLI's --from/--weeks): `from` snapped back to its
 * Monday (absent: the deal's expected start), and `candidates` weekly starts (default 8) but never past the
 * horizon's last week, so every candidate start lies inside the horizon.
 */
export function horizonWindow(horizon: { from?: IsoDate; weeks?: number }, candidates: number = DEFAULT_WINDOW_WEEKS): { from?: IsoDate; weeks: number } {
  const from = horizon.from === undefined ? undefined : toIsoDate(mondayOf(toDayNumber(horizon.from, 'horizon.from')));
  const weeks = Math.min(candidates, horizon.weeks ?? candidates);
  return { ...(from !== undefined ? { from } : {}), weeks };
}

/** The answer currency (must have an exchange rate) and its rate to base. */
export function answerCurrency(requested: string | undefined, dealCurrency: string | undefined, money: MoneyContext): { currency: string; rateToBase: number } {
  const currency = requested ?? (dealCurrency && money.rateToBase.has(dealCurrency) ? dealCurrency : money.baseCurrency);
  const rateToBase = money.rateToBase.get(currency);
  if (rateToBase === undefined || !(rateToBase > 0)) {
    throw new ScenarioError('currency', `no exchange rate for ${JSON.stringify(currency)} (known: ${[...money.rateToBase.keys()].sort().join(', ')})`);
  }
  return { currency, rateToBase };
}

export function minEmployeeShare(policyShare: number | undefined): number {
  const share = policyShare ?? DEFAULT_MIN_EMPLOYEE_SHARE;
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new ScenarioError('hiringPolicy.minEmployeeShare', `expected a fraction 0-1, got ${share}`);
  return share;
}
