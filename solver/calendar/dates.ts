/**
 * Plain calendar dates as day numbers (days since 1970-01-01). DESIGN.md §1 says dates carry no time of
 * day and no time zone, so day arithmetic is integer arithmetic: DST and offsets cannot move a day.
 * luxon parses and formats; the hot loops (10,000 people × 364 days) only add integers.
 */
import { DateTime } from 'luxon';
import { ScenarioError } from '../errors.js';
import type { Horizon, IsoDate } from '../types.js';

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const parsed = new Map<string, DayNumber>();
const formatted = new Map<DayNumber, IsoDate>();

/** Parses `YYYY-MM-DD`; `path` names the field in the error when the text is not a real date. */
export function toDayNumber(date: IsoDate, path = 'date'): DayNumber {
  const cached = parsed.get(date);
  if (cached !== undefined) return cached;
  const dt = typeof date === 'string' && ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!dt || !dt.isValid) throw new ScenarioError(path, `expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const day = Math.round(dt.toMillis() / MS_PER_DAY);
  parsed.set(date, day);
  return day;
}

export function toIsoDate(day: DayNumber): IsoDate {
  const cached = formatted.get(day);
  if (cached !== undefined) return cached;
  const text = DateTime.fromMillis(day * MS_PER_DAY, { zone: 'utc' }).toISODate() as string;
  formatted.set(day, text);
  return text;
}

/** ISO weekday, 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7 + 1;
}

/** The Monday of the ISO week containing `day`. */
export function mondayOf(day: DayNumber): DayNumber {
  return day - (isoWeekday(day) - 1);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(toDayNumber(date) + days);
}

/** The Monday (`YYYY-MM-DD`) of the ISO week containing `date`. */
export function weekOf(date: IsoDate): IsoDate {
  return toIsoDate(mondayOf(toDayNumber(date)));
}

/** `from` snapped back to its Monday; `weeks` a whole number from 1 to 520. */
export function normalizeHorizon(horizon: Horizon): Horizon {
  const from = toIsoDate(mondayOf(toDayNumber(horizon.from, 'horizon.from')));
  const weeks = horizon.weeks;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) {
    throw new ScenarioError('horizon.weeks', `expected a whole number of weeks from 1 to 520, got ${weeks}`);
  }
  return { from, weeks };
}

/** The Mondays of the horizon's weeks, in order. */
export function horizonWeeks(horizon: Horizon): IsoDate[] {
  const { from, weeks } = normalizeHorizon(horizon);
  const first = toDayNumber(from);
  return Array.from({ length: weeks }, (_, w) => toIsoDate(first + 7 * w));
}

/** The first Monday on or after the first day of `period` (`YYYY-MM`). */
export function firstMondayOfMonth(period: string, path = 'period'): IsoDate {
  if (typeof period !== 'string' || !/^\d{4}-\d{2}$/.test(period)) {
    throw new ScenarioError(path, `expected a month YYYY-MM, got ${JSON.stringify(period)}`);
  }
  const first = toDayNumber(`${period}-01`, path);
  return toIsoDate(first + ((8 - isoWeekday(first)) % 7));
}

/** The first day (`YYYY-MM-01`) of the month containing `date`. */
export function monthOf(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}
