import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs read-decide-write transactions one at a time per lock name, so two concurrent batches on the
 * same collection cannot both decide against the same stored versions.
 * - SQLite: better-sqlite3 gives TypeORM a single connection, on which two interleaved transactions would
 *   silently nest as savepoints; every write transaction of the process is therefore queued here.
 * - PostgreSQL: a transaction-scoped advisory lock on the name, which also holds across processes.
 * Use it for every multi-statement write: `transactions.run('jobs', (manager) => …)`.
 */
@Injectable()
export class StoreTransactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(lockName: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') {
      return this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [advisoryKey(lockName)]);
        return work(manager);
      });
    }
    return this.enqueue(() => this.dataSource.transaction(work));
  }

  /**
   * A consistent read of several tables: REPEATABLE READ on PostgreSQL; on SQLite it waits for the
   * queued writes, so it never sees half a batch.
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction('REPEATABLE READ', work);
    return this.enqueue(() => this.dataSource.transaction(work));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    // The queue continues after a failure; the failure itself goes to this caller only.
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** A stable signed 64-bit key for pg_advisory_xact_lock. */
function advisoryKey(name: string): string {
  return createHash('sha256').update(`staffplan:${name}`).digest().readBigInt64BE(0).toString();
}
