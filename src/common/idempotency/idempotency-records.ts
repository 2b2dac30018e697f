/**
 * The Idempotency-Key ledger (DESIGN §4): the first request with a key claims a row, answers, and stores
 * its answer; a retry with the same key and body gets that stored answer; another body is refused (422);
 * a retry while the first is still running is told to wait (409). Rows are forgotten after a bounded time.
 */
import { createHash, randomUUID } from 'node:crypto';
import { LessThan, type DataSource, type Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
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

export class IdempotencyRecords {
  private readonly repository: Repository<IdempotencyRecordEntity>;

  constructor(dataSource: DataSource, private readonly now: () => Date = () => new Date()) {
    this.repository = dataSource.getRepository(IdempotencyRecordEntity);
  }

  /** Claims the key for this request, or answers what an earlier request with the key decided. */
  async claim(scope: IdempotencyScope, requestHash: string): Promise<Claim> {
    const id = recordId(scope);
    await this.forgetExpired();
    for (let attempt = 0; attempt < 3; attempt++) {
      const owner = randomUUID();
      if (await this.tryInsert(id, scope, requestHash, owner)) return { kind: 'claimed', id, owner };
      const earlier = await this.repository.findOneBy({ id });
      if (!earlier) continue; // forgotten meanwhile: claim again
      if (earlier.requestHash !== requestHash) throw bodyMismatch();
      if (earlier.state !== 'completed') throw stillRunning();
      return { kind: 'replay', answer: { statusCode: earlier.statusCode ?? 200, body: earlier.responseBody ?? null, location: earlier.location } };
    }
    throw stillRunning();
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
    await this.repository.update({ id, owner }, stored);
  }

  /** The request failed: the key is free again, so the client's retry runs it afresh. */
  async release(id: string, owner: string): Promise<void> {
    await this.repository.delete({ id, owner });
  }

  private async tryInsert(id: string, scope: IdempotencyScope, requestHash: string, owner: string): Promise<boolean> {
    const now = this.now();
    try {
      await this.repository.insert({
        id, apiKeyId: scope.apiKeyId, route: scope.route, idempotencyKey: scope.idempotencyKey, requestHash,
        state: 'in-progress', owner, statusCode: null, location: null,
        createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS).toISOString(),
      });
      return true;
    } catch (error) {
      // A duplicate primary key means another request holds (or held) the key; anything else is real.
      if (await this.repository.existsBy({ id })) return false;
      throw error;
    }
  }

  private async forgetExpired(): Promise<void> {
    await this.repository.delete({ expiresAt: LessThan(this.now().toISOString()) });
  }
}
