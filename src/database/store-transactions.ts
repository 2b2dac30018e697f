import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Runs read-decide-write transactions one at a time per lock name, so two concurrent batches on the
 * same collection cannot both decide against the same stored versions.
 * - SQLite: better-sqlite3 gives TypeORM a single connection, on which two interleaved transactions would
 *   silently nest as savepoints; every write transaction of the process is therefore queued here. Across
 *   processes (api and worker on one file) a write transaction starts with BEGIN IMMEDIATE: it takes the
 *   write lock up front, waiting up to busy_timeout for another process's write to end. A deferred BEGIN
 *   would read first and then fail with SQLITE_BUSY_SNAPSHOT when another process wrote meanwhile (no
 *   busy_timeout helps there), or silently decide on stale reads.
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
    return this.enqueue(() => this.immediateTransaction(work));
  }

  /**
   * A consistent read of several tables: REPEATABLE READ on PostgreSQL; on SQLite it waits for the
   * queued writes, so it never sees half a batch.
   */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction('REPEATABLE READ', work);
    return this.enqueue(() => this.dataSource.transaction(work));
  }

  /**
   * TypeORM's own transaction() always sends a deferred BEGIN; this one sends BEGIN IMMEDIATE and then lets
   * TypeORM's query runner carry on as inside its own transaction, so `manager.save()` in the work nests as
   * a savepoint and commit/rollback go through the runner as usual.
   */
  private async immediateTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('BEGIN IMMEDIATE');
      markTransactionStarted(runner);
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    // The queue continues after a failure; the failure itself goes to this caller only.
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** The state TypeORM's startTransaction() leaves behind after its BEGIN (depth 1, active). */
function markTransactionStarted(runner: QueryRunner): void {
  Object.assign(runner as unknown as { isTransactionActive: boolean; transactionDepth: number }, { isTransactionActive: true, transactionDepth: 1 });
}

/** A stable signed 64-bit key for pg_advisory_xact_lock. */
function advisoryKey(name: string): string {
  return createHash('sha256').update(`staffplan:${name}`).digest().readBigInt64BE(0).toString();
}
