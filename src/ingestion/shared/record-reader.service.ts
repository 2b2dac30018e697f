import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { chunks } from './batch-writer.js';
import { canonicalRecord } from './canonical.js';
import type { AnyCollectionSpec, CollectionSpec } from './collection-spec.js';
import { DEFAULT_PAGE_SIZE, type Page } from './page-query.dto.js';

/** Reads collections back in their contract shape: one record, a filtered page, or all of them. */
@Injectable()
export class RecordReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get<TRecord extends object>(spec: CollectionSpec<TRecord>, key: string): Promise<TRecord> {
    const [row] = await loadWithChildren(this.dataSource.manager, spec, [key]);
    if (!row) throw new AppError('NOT_FOUND', `no ${spec.name} record ${key}`);
    return present(spec, row);
  }

  /** A page ordered by key; `query` holds limit, offset and the collection's filters. */
  async list<TRecord extends object>(spec: CollectionSpec<TRecord>, query: Record<string, unknown>): Promise<Page<TRecord>> {
    const limit = (query.limit as number | undefined) ?? DEFAULT_PAGE_SIZE;
    const offset = (query.offset as number | undefined) ?? 0;
    const alias = 'record';
    const builder = this.dataSource.manager.createQueryBuilder(spec.entity, alias).select(`${alias}.${spec.keyColumn}`, 'key');
    for (const [name, filter] of Object.entries(spec.filters ?? {})) {
      if (query[name] !== undefined) filter(builder as never, alias, query[name], query);
    }
    const total = await builder.clone().getCount();
    const keyRows = await builder.orderBy(`${alias}.${spec.keyColumn}`, 'ASC').offset(offset).limit(limit).getRawMany<{ key: string }>();
    const rows = await loadWithChildren(this.dataSource.manager, spec, keyRows.map((row) => String(row.key)));
    return { items: rows.map((row) => present(spec, row)), total, limit, offset };
  }

  /** Every record of the collection, ordered by key (snapshots). */
  async all<TRecord extends object>(spec: CollectionSpec<TRecord>, manager: EntityManager = this.dataSource.manager): Promise<TRecord[]> {
    const rows = await manager.find(spec.entity, {
      relations: relationsOf(spec),
      order: { [spec.keyColumn]: 'ASC' } as never,
    });
    return rows.map((row) => present(spec, row));
  }
}

/** Rows with their child rows, in the order of `keys`. */
async function loadWithChildren(manager: EntityManager, spec: AnyCollectionSpec, keys: string[]): Promise<object[]> {
  const byKey = new Map<string, object>();
  for (const part of chunks(keys, 500)) {
    const rows = await manager.find(spec.entity, {
      where: { [spec.keyColumn]: In(part) } as never,
      relations: relationsOf(spec),
    });
    for (const row of rows) byKey.set(String((row as Record<string, unknown>)[spec.keyColumn]), row);
  }
  return keys.map((key) => byKey.get(key)).filter((row): row is object => row !== undefined);
}

/** The contract record of a row, in canonical form (sorted keys, absent fields omitted). */
function present<TRecord extends object>(spec: CollectionSpec<TRecord>, row: object): TRecord {
  return canonicalRecord(spec.toRecord(row as never));
}

function relationsOf(spec: AnyCollectionSpec): Record<string, true> {
  return Object.fromEntries(spec.children.map((child) => [child.relation, true]));
}
