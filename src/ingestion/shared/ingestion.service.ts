import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { StoreTransactions } from '../../database/store-transactions.js';
import { TombstoneEntity } from '../../database/tombstone.entity.js';
import type { BatchResult, ItemError } from '../ingestion-routes.js';
import { isSourceTimestamp, toUtc } from './calendar-rules.js';
import { canonicalRecord, contentHash } from './canonical.js';
import { chunks, deleteRows, replaceRows } from './batch-writer.js';
import type { AnyCollectionSpec, CollectionSpec, ReferenceChecker } from './collection-spec.js';
import { decideDelete, decideUpsert, type DeleteOutcome, type StoredVersion } from './upsert-rules.js';

/**
 * Collections whose writes check each other's rows share one lock: an opportunity upsert checks that its
 * project type exists and a project type delete checks that no live opportunity uses it. Under separate
 * per-collection locks (PostgreSQL: advisory locks, READ COMMITTED) both could decide on the other's
 * not-yet-committed state and commit a dangling reference; one shared lock serialises the pair.
 */
const SHARED_LOCKS: Readonly<Record<string, string>> = {
  projectTypes: 'catalog-references',
  opportunities: 'catalog-references',
};

/** The lock a write to this collection takes (its own name unless it belongs to a referencing pair). */
export function ingestionLockOf(collection: string): string {
  return SHARED_LOCKS[collection] ?? collection;
}

export interface DeleteResult {
  id: string;
  result: DeleteOutcome;
}

/**
 * Applies batches and deletes to the store. A batch is one transaction: every item is decided in order
 * (created / updated / unchanged / stale, or refused with a reference error) and the accepted ones are
 * written together, so a failure leaves the store as it was.
 */
@Injectable()
export class IngestionService {
  constructor(private readonly transactions: StoreTransactions) {}

  async upsert<TRecord extends object>(spec: CollectionSpec<TRecord>, items: object[]): Promise<BatchResult> {
    const records = items.map((item) => canonicalRecord(item) as TRecord);
    return this.transactions.run(ingestionLockOf(spec.name), async (manager) => {
      const keys = [...new Set(records.map((record) => spec.keyOf(record)))];
      const versions = await loadVersions(manager, spec, keys);
      const checker = spec.references ? await spec.references(manager, records) : undefined;
      const result: BatchResult = { created: 0, updated: 0, unchanged: 0, stale: 0, errors: [] };
      const writes = new Map<string, object>();
      const ingestedAt = new Date().toISOString();
      records.forEach((record, index) => {
        const key = spec.keyOf(record);
        const incoming = versionOf(spec, record);
        const outcome = decideUpsert(versions.get(key), incoming);
        if (outcome === 'stale' || outcome === 'unchanged') {
          result[outcome]++;
          return;
        }
        const problems = checker ? checkReferences(checker, record, index, key) : [];
        if (problems.length > 0) {
          result.errors.push(...problems);
          return;
        }
        checker?.accept(record);
        result[outcome]++;
        versions.set(key, { ...incoming, deleted: false });
        writes.set(key, { ...spec.toEntity(record), ...bookkeeping(incoming, ingestedAt) });
      });
      await replaceRows(manager, spec, [...writes.values()]);
      if (spec.versioned) await clearTombstones(manager, spec, [...writes.keys()]);
      return result;
    });
  }

  /**
   * Deletes a source record and leaves a tombstone at `updatedAt` (default: now), so an older replay of the
   * record stays out. A catalog entry is simply removed (404 when absent).
   */
  async delete(spec: AnyCollectionSpec, key: string, updatedAt?: string): Promise<DeleteResult> {
    if (!spec.versioned) return this.deleteCatalogEntry(spec, key);
    if (updatedAt !== undefined && !isSourceTimestamp(updatedAt)) {
      throw new AppError('VALIDATION_FAILED', 'updatedAt must be an ISO-8601 time with an offset', [
        { field: 'updatedAt', rule: 'isSourceTimestamp', message: 'updatedAt must be an ISO-8601 time with an offset, e.g. 2027-01-15T09:30:00Z' },
      ]);
    }
    const deletedAt = updatedAt ?? new Date().toISOString();
    return this.transactions.run(ingestionLockOf(spec.name), async (manager) => {
      const stored = (await loadVersions(manager, spec, [key])).get(key);
      const outcome = decideDelete(stored, toUtc(deletedAt));
      if (outcome === 'deleted') {
        await deleteRows(manager, spec, [key]);
        await manager.save(TombstoneEntity, {
          collection: spec.name, id: key, updatedAt: deletedAt, updatedAtUtc: toUtc(deletedAt), deletedAt: new Date().toISOString(),
        });
      }
      return { id: key, result: outcome };
    });
  }

  private async deleteCatalogEntry(spec: AnyCollectionSpec, key: string): Promise<DeleteResult> {
    const removed = await this.transactions.run(ingestionLockOf(spec.name), async (manager) => {
      await spec.beforeDelete?.(manager, key);
      return deleteRows(manager, spec, [key]);
    });
    if (removed === 0) throw new AppError('NOT_FOUND', `no ${spec.name} entry ${key}`);
    return { id: key, result: 'deleted' };
  }
}

function versionOf(spec: AnyCollectionSpec, record: object): { updatedAtUtc?: string; contentHash: string } {
  const updatedAt = (record as { updatedAt?: string }).updatedAt;
  return { contentHash: contentHash(record), updatedAtUtc: spec.versioned && updatedAt ? toUtc(updatedAt) : undefined };
}

function bookkeeping(incoming: { updatedAtUtc?: string; contentHash: string }, ingestedAt: string): object {
  const columns: Record<string, string> = { contentHash: incoming.contentHash, ingestedAt };
  if (incoming.updatedAtUtc !== undefined) columns.updatedAtUtc = incoming.updatedAtUtc;
  return columns;
}

function checkReferences<T>(checker: ReferenceChecker<T>, record: T, index: number, key: string): ItemError[] {
  return checker.check(record).map((problem) => ({ index, id: key, ...problem }));
}

/** What the store holds for these keys: live versions and, for source records, tombstones. */
async function loadVersions(manager: EntityManager, spec: AnyCollectionSpec, keys: string[]): Promise<Map<string, StoredVersion>> {
  const versions = new Map<string, StoredVersion>();
  const columns: Record<string, true> = { [spec.keyColumn]: true, contentHash: true };
  if (spec.versioned) columns.updatedAtUtc = true;
  for (const part of chunks(keys, 500)) {
    if (spec.versioned) {
      const tombstones = await manager.findBy(TombstoneEntity, { collection: spec.name, id: In(part) });
      for (const t of tombstones) versions.set(t.id, { updatedAtUtc: t.updatedAtUtc, deleted: true });
    }
    const rows = (await manager.find(spec.entity, { select: columns as never, where: { [spec.keyColumn]: In(part) } as never })) as Record<string, string>[];
    for (const row of rows) {
      versions.set(String(row[spec.keyColumn]), { contentHash: row.contentHash, updatedAtUtc: row.updatedAtUtc, deleted: false });
    }
  }
  return versions;
}

async function clearTombstones(manager: EntityManager, spec: AnyCollectionSpec, keys: string[]): Promise<void> {
  for (const part of chunks(keys, 500)) await manager.delete(TombstoneEntity, { collection: spec.name, id: In(part) });
}
