/**
 * Plain calendar-date arithmetic for the plan checker, on whole UTC days (`Date.UTC`), deliberately
 * independent of luxon and of solver/calendar so that a bug there is not silently repeated here.
 * A day is represented by its day number: whole days since 1970-01-01.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO `YYYY-MM-DD` date; throws on anything else (including 2027-02-30). */
export function dayNumber(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${JSON.stringify(iso)}`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
  if (isoDate(day) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return day;
}

/** True when the text is a real ISO calendar date. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday: Monday 1 … Sunday 7. Day 0 (1970-01-01) was a Thursday; pure arithmetic, no Date per call. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week containing the day. */
export function mondayOf(day: number): number {
  return day - (isoWeekday(day) - 1);
}

/** The Mondays of a horizon, its `from` snapped back to the Monday of its week. */
export function horizonMondays(from: string, weeks: number): number[] {
  const first = mondayOf(dayNumber(from));
  return Array.from({ length: Math.max(0, Math.floor(weeks)) }, (_, i) => first + 7 * i);
}
