import type { ItemError } from '../ingestion/ingestion-routes.js';
import { isIsoDate, isSourceTimestamp } from '../ingestion/shared/calendar-rules.js';

/**
 * Reading vendor records: pure helpers the `*.mapper.ts` files share. Every problem names the vendor's own
 * field (`properties.closedate`, `Probability`), so the integration owner can fix it in the vendor system.
 */

/** One vendor record mapped onto the contract: the record, or the problems that stopped it. */
export interface MappedItem<TRecord> {
  index: number;
  id: string | null;
  record?: TRecord;
  problems: ItemError[];
}

/** Where each canonical field comes from in the vendor's shape; it translates contract errors back. */
export type FieldSources = Readonly<Record<string, string>>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads typed values out of one vendor object; a value of the wrong shape is recorded as a problem under
 * the vendor field's path and read as absent. Vendors send empty strings for empty fields: those are absent.
 */
export class VendorFieldReader {
  readonly problems: Omit<ItemError, 'index' | 'id'>[] = [];

  constructor(
    private readonly source: Record<string, unknown>,
    private readonly prefix = '',
  ) {}

  path(field: string): string {
    return `${this.prefix}${field}`;
  }

  has(field: string): boolean {
    const value = this.source[field];
    return value !== undefined && value !== null && value !== '';
  }

  text(field: string): string | undefined {
    if (!this.has(field)) return undefined;
    const value = this.source[field];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return this.refuse(field, 'isString', 'must be text');
  }

  /** Numbers arrive as JSON numbers (Salesforce) or as decimal strings (HubSpot properties). */
  number(field: string): number | undefined {
    if (!this.has(field)) return undefined;
    const value = this.source[field];
    const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
    return Number.isFinite(parsed) ? parsed : this.refuse(field, 'isNumber', 'must be a number');
  }

  /** Booleans arrive as JSON booleans (Salesforce) or as "true"/"false" (HubSpot properties). */
  boolean(field: string): boolean | undefined {
    if (!this.has(field)) return undefined;
    const value = this.source[field];
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.refuse(field, 'isBoolean', 'must be true or false');
  }

  /**
   * A calendar date: `YYYY-MM-DD`, or the date part of a vendor datetime (HubSpot stores date properties
   * as midnight UTC, as ISO text or epoch milliseconds).
   */
  date(field: string): string | undefined {
    if (!this.has(field)) return undefined;
    const value = this.source[field];
    const text = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    const date = typeof text === 'number' ? epochDate(text) : typeof text === 'string' ? text.slice(0, 10) : undefined;
    return isIsoDate(date) ? date : this.refuse(field, 'isIsoDate', 'must be a date (YYYY-MM-DD, an ISO datetime or epoch milliseconds)');
  }

  /** The source's last-modified time, normalized to ISO-8601 with an offset (the contract's updatedAt). */
  timestamp(field: string): string | undefined {
    if (!this.has(field)) return undefined;
    const normalized = normalizeTimestamp(this.source[field]);
    return normalized ?? this.refuse(field, 'isSourceTimestamp', 'must be an ISO-8601 time with an offset or epoch milliseconds');
  }

  require(field: string): void {
    this.problems.push({ field: this.path(field), rule: 'required', message: `${this.path(field)} is required` });
  }

  private refuse(field: string, rule: string, message: string): undefined {
    this.problems.push({ field: this.path(field), rule, message: `${this.path(field)} ${message}` });
    return undefined;
  }
}

function epochDate(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/**
 * Epoch milliseconds (number or digits) become UTC ISO text; Salesforce's `+0000` offset gains its colon;
 * anything else must already be ISO-8601 with an offset.
 */
export function normalizeTimestamp(value: unknown): string | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{10,16}$/.test(value))) {
    const date = new Date(Number(value));
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return isSourceTimestamp(withColon) ? withColon : undefined;
}

/** The item's problems, numbered with its position in the vendor payload. */
export function itemProblems(index: number, id: string | null, reader: VendorFieldReader): ItemError[] {
  return reader.problems.map((problem) => ({ index, id, ...problem }));
}

/** Missing required fields are reported under the vendor's name, once (a wrong-typed one already is). */
export function requirePresent(fields: VendorFieldReader, record: Record<string, unknown>, sources: FieldSources, required: string[]): void {
  const reported = new Set(fields.problems.map((problem) => problem.field));
  for (const field of required) {
    const vendorPath = sources[field];
    if (record[field] !== undefined || reported.has(vendorPath)) continue;
    fields.problems.push({ field: vendorPath, rule: 'required', message: `${vendorPath} is required` });
  }
}

export function finish<T>(index: number, id: string | null, fields: VendorFieldReader, record: T): MappedItem<T> {
  const problems = itemProblems(index, id, fields);
  return problems.length > 0 ? { index, id, problems } : { index, id, record, problems };
}

export function notAnObject<T>(index: number): MappedItem<T> {
  return { index, id: null, problems: [{ index, id: null, field: '(record)', rule: 'isObject', message: 'each record must be a JSON object' }] };
}
