import { In, type EntityManager } from 'typeorm';
import type { AnyCollectionSpec, CollectionSpec } from './collection-spec.js';

/** Rows per INSERT statement: well below SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 100;
const IN_CHUNK = 500;

/**
 * Replaces the stored rows of the given keys by the new rows: children and parents are deleted, then
 * inserted again. Inside the caller's transaction, so a failure leaves the previous rows in place.
 */
export async function replaceRows(manager: EntityManager, spec: AnyCollectionSpec, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = rows.map((row) => String((row as Record<string, unknown>)[spec.keyColumn]));
  await deleteRows(manager, spec, keys);
  const parents = rows.map((row) => withoutRelations(row, spec));
  for (const part of chunks(parents, INSERT_CHUNK)) await manager.insert(spec.entity, part as never);
  for (const child of spec.children) {
    const childRows = rows.flatMap((row) => ((row as Record<string, unknown>)[child.relation] as object[] | undefined) ?? []);
    for (const part of chunks(childRows, INSERT_CHUNK)) await manager.insert(child.entity, part as never);
  }
}

export async function deleteRows(manager: EntityManager, spec: AnyCollectionSpec, keys: string[]): Promise<number> {
  let deleted = 0;
  for (const part of chunks(keys, IN_CHUNK)) {
    for (const child of spec.children) await manager.delete(child.entity, { [child.parentColumn]: In(part) });
    const result = await manager.delete(spec.entity, { [spec.keyColumn]: In(part) });
    deleted += result.affected ?? 0;
  }
  return deleted;
}

function withoutRelations(row: object, spec: AnyCollectionSpec): object {
  const copy: Record<string, unknown> = { ...row };
  for (const child of spec.children) delete copy[child.relation];
  return copy;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
