import { createHash } from 'node:crypto';

/**
 * The canonical form of a record: plain data, object keys sorted, absent and null fields dropped (the
 * contract treats null as absent), array order kept. Two deliveries of the same record have the same
 * canonical form and so the same content hash, whatever the source's key order.
 */
export function canonicalRecord<T>(value: T): T {
  return canonicalize(value) as T;
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined || field === null) continue;
      out[key] = canonicalize(field);
    }
    return out;
  }
  return value;
}

export function stableStringify(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}
