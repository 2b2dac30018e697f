/**
 * The Idempotency-Key ledger (DESIGN §4): the first request with a key claims a row, answers, and stores
 * its answer; a retry with the same key and body gets that stored answer; another body is refused (422);
 * a retry while the first is still running is told to wait (409). Rows are forgotten after a bounded time.
 */
import { createHash, randomUUID } from 'node:crypto';
import { LessThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { StoreTransactions } from '../../database/store-transactions.js';
import { AppError } from '../app-error.js';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';

/** How long a stored answer is replayed. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;
/** How long a request holds its key while it runs (a crashed request frees it after this). */
export const IDEMPOTENCY_LEASE_MS = 60_000;
export const MAX_IDEMPOTENCY_KEY = 255;

export interface IdempotencyScope {
  apiKeyId: string;
  /** Method and concrete path, e.g. `POST /v1/webhook-subscriptions/whs_1/rotate-secret`. */
  route: string;
  idempotencyKey: string;
}

export interface StoredAnswer {
  statusCode: number;
  body: unknown;
  location: string | null;
}

export type Claim = { kind: 'claimed'; id: string; owner: string } | { kind: 'replay'; answer: StoredAnswer };

function recordId(scope: IdempotencyScope): string {
  return createHash('sha256').update(JSON.stringify([scope.apiKeyId, scope.route, scope.idempotencyKey])).digest('hex');
}

export function checkedIdempotencyKey(raw: string | string[] | undefined): string | null {
  const key = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!key) return null;
  if (key.length > MAX_IDEMPOTENCY_KEY) {
    throw new AppError('BAD_REQUEST', `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY} characters`, [
      { field: 'Idempotency-Key', rule: 'maxLength', message: `at most ${MAX_IDEMPOTENCY_KEY} characters` },
    ]);
  }
  return key;
}

function bodyMismatch(): AppError {
  return new AppError('UNPROCESSABLE', 'this Idempotency-Key was already used with a different request body', [
    { field: 'Idempotency-Key', rule: 'sameBody', message: 'reuse an Idempotency-Key only to retry the identical request' },
  ]);
}

function stillRunning(): AppError {
  return new AppError('CONFLICT', 'a request with this Idempotency-Key is still being processed; retry when it has answered');
}

/** The lock every ledger write takes (see StoreTransactions). */
const LEDGER_LOCK = 'idempotency-records';

/**
 * Every write goes through StoreTransactions: on SQLite the process has one connection, so a ledger write
 * sent beside the queue would land inside another request's open transaction (and be rolled back with
 * it, or fail on a nested BEGIN). Under the lock the claim can look before it inserts, so a duplicate key
 * never aborts a PostgreSQL transaction.
 */
export class IdempotencyRecords {
  constructor(
    private readonly transactions: StoreTransactions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Claims the key for this request, or answers what an earlier request with the key decided. */
  claim(scope: IdempotencyScope, requestHash: string): Promise<Claim> {
    const id = recordId(scope);
    return this.transactions.run(LEDGER_LOCK, async (manager) => {
      const now = this.now();
      await manager.delete(IdempotencyRecordEntity, { expiresAt: LessThan(now.toISOString()) });
      const earlier = await manager.findOneBy(IdempotencyRecordEntity, { id });
      if (!earlier) {
        const owner = randomUUID();
        await manager.insert(IdempotencyRecordEntity, {
          id, apiKeyId: scope.apiKeyId, route: scope.route, idempotencyKey: scope.idempotencyKey, requestHash,
          state: 'in-progress', owner, statusCode: null, location: null,
          createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS).toISOString(),
        });
        return { kind: 'claimed', id, owner };
      }
      if (earlier.requestHash !== requestHash) throw bodyMismatch();
      if (earlier.state !== 'completed') throw stillRunning();
      return { kind: 'replay', answer: { statusCode: earlier.statusCode ?? 200, body: earlier.responseBody ?? null, location: earlier.location } };
    });
  }

  /** Stores the answer of the claiming request for the retention time. */
  async complete(id: string, owner: string, answer: StoredAnswer): Promise<void> {
    const stored: QueryDeepPartialEntity<IdempotencyRecordEntity> = {
      state: 'completed',
      statusCode: answer.statusCode,
      // simple-json column: the answer is stored as its JSON text.
      responseBody: (answer.body ?? null) as QueryDeepPartialEntity<IdempotencyRecordEntity>['responseBody'],
      location: answer.location,
      expiresAt: new Date(this.now().getTime() + IDEMPOTENCY_RETENTION_MS).toISOString(),
    };
    await this.transactions.run(LEDGER_LOCK, (manager) => manager.update(IdempotencyRecordEntity, { id, owner }, stored));
  }

  /** The request failed: the key is free again, so the client's retry runs it afresh. */
  async release(id: string, owner: string): Promise<void> {
    await this.transactions.run(LEDGER_LOCK, (manager) => manager.delete(IdempotencyRecordEntity, { id, owner }));
  }
}
