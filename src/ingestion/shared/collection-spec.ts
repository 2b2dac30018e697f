import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { CollectionName } from '../ingestion-routes.js';

/** A rule failure of one item that depends on what the store holds (e.g. an unknown employee). */
export interface ReferenceProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * Checks items against the store and against the items accepted before them in the same batch.
 * `accept` is called for every item that will be written, so later items see it.
 */
export interface ReferenceChecker<TRecord> {
  check(record: TRecord): ReferenceProblem[];
  accept(record: TRecord): void;
}

export interface ChildTable {
  /** Property of the parent entity holding the child rows. */
  relation: string;
  entity: new () => object;
  /** Column of the child table holding the parent's key. */
  parentColumn: string;
}

/** Narrows a list query; `alias` is the parent table's alias in the query builder. */
export type ListFilter = (query: SelectQueryBuilder<object>, alias: string, value: unknown, all: Record<string, unknown>) => void;

/**
 * Everything the generic ingestion engine needs to know about one collection of the data contract.
 * A collection is declared once (`*.collection.ts` beside its entity) and then gets batch upsert, delete,
 * get, list and snapshot for free.
 */
export interface CollectionSpec<TRecord extends object = object, TEntity extends object = object> {
  name: CollectionName;
  entity: new () => TEntity;
  /** The primary key column: `id` for source records, the natural key for catalog entries. */
  keyColumn: string;
  /** Source records carry updatedAt (ordering, tombstones); catalog entries do not. */
  versioned: boolean;
  children: ChildTable[];
  keyOf(record: TRecord): string;
  /** Maps a canonical contract record to its row (with child rows); the engine adds the bookkeeping columns. */
  toEntity(record: TRecord): TEntity;
  /** Maps a row (children loaded) back to the canonical contract record. */
  toRecord(entity: TEntity): TRecord;
  references?(manager: EntityManager, records: TRecord[]): Promise<ReferenceChecker<TRecord>>;
  /** Refuses the delete of an entry other records still need (throws an AppError), inside the delete's transaction. */
  beforeDelete?(manager: EntityManager, key: string): Promise<void>;
  filters?: Record<string, ListFilter>;
}

/** Any collection, for the engine's internals that do not care about the record type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollectionSpec = CollectionSpec<any, any>;
