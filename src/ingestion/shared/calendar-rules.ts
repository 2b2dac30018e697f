/** Pure checks on the contract's value formats, shared by DTO validators and unit tests. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SOURCE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A real calendar date written `YYYY-MM-DD` (2027-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO-8601 time with an explicit offset (`Z` or `±hh:mm`), so instants from any source compare. */
export function isSourceTimestamp(value: unknown): value is string {
  return typeof value === 'string' && SOURCE_TIMESTAMP.test(value) && isIsoDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value));
}

/** The instant of a source timestamp in UTC, millisecond precision: ordering is a string comparison. */
export function toUtc(timestamp: string): string {
  return new Date(timestamp).toISOString();
}

export function isYearMonth(value: unknown): value is string {
  return typeof value === 'string' && YEAR_MONTH.test(value);
}

let timeZones: Set<string> | null = null;

/** An IANA zone name the runtime knows (`Europe/Berlin`, `UTC`); abbreviations such as `CET` are refused. */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  timeZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (timeZones.has(value) || value === 'UTC') return true;
  // Accept links the runtime resolves (e.g. Asia/Calcutta) but not bare abbreviations.
  if (!value.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

let currencies: Set<string> | null = null;

/** An ISO 4217 code the runtime knows, upper case (`EUR`). */
export function isIsoCurrency(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) return false;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(value);
}
