import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { StoreTransactions } from '../database/store-transactions.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-format.js';
import { isScope, type Scope } from './scopes.js';

/** What a request knows about its caller once the key is verified. */
export interface ApiPrincipal {
  keyId: string;
  name: string;
  scopes: string[];
}

export interface ApiKeyView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** The lock every key write takes (see StoreTransactions). */
const KEYS_LOCK = 'api-keys';

/**
 * Every write goes through StoreTransactions: on SQLite the process has one connection, so a write sent
 * beside the queue would land inside whatever transaction is open on it (e.g. an ingestion batch) and be
 * rolled back with it, or start a nested BEGIN.
 */
@Injectable()
export class ApiKeyService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly transactions: StoreTransactions,
  ) {}

  /** Creates a key and returns it in full: the only time the secret exists outside the caller. */
  async create(name: string, scopes: string[]): Promise<ApiKeyView & { key: string }> {
    const checked = checkScopes(scopes);
    const { id, secret, key } = generateApiKey();
    const row = this.keys.create({
      id, name, secretHash: hashSecret(secret), scopes: checked, createdAt: new Date().toISOString(), revokedAt: null,
    });
    await this.transactions.run(KEYS_LOCK, (manager) => manager.insert(ApiKeyEntity, row));
    return { ...toView(row), key };
  }

  /**
   * Stores a key whose full value was chosen outside (STAFFPLAN_ADMIN_KEY); an existing id is updated.
   * A key revoked meanwhile stays revoked (a restart must not bring it back): the result says so.
   */
  async seed(key: string, name: string, scopes: Scope[]): Promise<{ revokedAt: string | null }> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new Error('a seeded key must look like sp_<id>_<secret>');
    return this.transactions.run(KEYS_LOCK, async (manager) => {
      const existing = await manager.findOneBy(ApiKeyEntity, { id: parsed.id });
      const revokedAt = existing?.revokedAt ?? null;
      await manager.save(ApiKeyEntity, this.keys.create({
        id: parsed.id, name, secretHash: hashSecret(parsed.secret), scopes,
        createdAt: existing?.createdAt ?? new Date().toISOString(), revokedAt,
      }));
      return { revokedAt };
    });
  }

  revoke(id: string): Promise<ApiKeyView> {
    return this.transactions.run(KEYS_LOCK, async (manager) => {
      const row = await manager.findOneBy(ApiKeyEntity, { id });
      if (!row) throw new AppError('NOT_FOUND', `no API key ${id}`);
      if (!row.revokedAt) {
        row.revokedAt = new Date().toISOString();
        await manager.update(ApiKeyEntity, { id }, { revokedAt: row.revokedAt });
      }
      return toView(row);
    });
  }

  async list(): Promise<ApiKeyView[]> {
    const rows = await this.keys.find({ order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toView);
  }

  async countActive(): Promise<number> {
    return this.keys.countBy({ revokedAt: IsNull() });
  }

  /** The caller behind a presented key, or null when the key is malformed, unknown, revoked or wrong. */
  async verify(presented: string): Promise<ApiPrincipal | null> {
    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const row = await this.keys.findOneBy({ id: parsed.id });
    if (!row || row.revokedAt || !secretMatches(parsed.secret, row.secretHash)) return null;
    return { keyId: row.id, name: row.name, scopes: row.scopes };
  }
}

function checkScopes(scopes: string[]): Scope[] {
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `unknown or missing scopes: ${unknown.join(', ') || '(none)'}`, [
      { field: 'scopes', rule: 'isScope', message: 'each scope must be one of the documented scopes' },
    ]);
  }
  return [...new Set(scopes as Scope[])].sort();
}

function toView(row: ApiKeyEntity): ApiKeyView {
  return { id: row.id, name: row.name, scopes: row.scopes, createdAt: row.createdAt, revokedAt: row.revokedAt };
}
