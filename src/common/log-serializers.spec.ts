import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { serializeErrorForLog } from './log-serializers.js';

const SECRET_HASH = 'hash-of-a-key-secret-0123456789';
const SQL = 'UPDATE "api_keys" SET "revokedAt" = $1 WHERE "id" = $2';

/** A driver error as pg and better-sqlite3 raise them: a code, and (pg) the SQL and its bound values repeated. */
function driverError(): Error {
  return Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', detail: 'Key (id) exists', query: SQL, parameters: [SECRET_HASH] });
}

/** The whole serialized value as text: a withheld value must appear nowhere in it. */
function logged(value: unknown): string {
  return JSON.stringify(serializeErrorForLog(value));
}

describe('serializeErrorForLog (the pino err serializer)', () => {
  it('drops the bound values and the SQL of a QueryFailedError, at the top and inside its driverError', () => {
    const error = new QueryFailedError(SQL, [SECRET_HASH, 'key-id'], driverError());
    const serialized = serializeErrorForLog(error) as Record<string, unknown>;
    expect(serialized).not.toHaveProperty('parameters');
    expect(serialized).not.toHaveProperty('query');
    expect(serialized.driverError).not.toHaveProperty('parameters');
    expect(serialized.driverError).not.toHaveProperty('query');
    expect(logged(error)).not.toContain(SECRET_HASH);
    expect(logged(error)).not.toContain('api_keys');
  });

  it('keeps what says what failed: type, message, stack and the driver code', () => {
    const error = new QueryFailedError(SQL, [SECRET_HASH], driverError());
    const serialized = serializeErrorForLog(error) as Record<string, unknown>;
    expect(serialized).toMatchObject({ type: 'QueryFailedError', message: error.message, stack: error.stack, code: '23505' });
    expect(serialized.driverError).toMatchObject({ type: 'Error', message: 'duplicate key value violates unique constraint', code: '23505', detail: 'Key (id) exists' });
    expect((serialized.driverError as { stack: unknown }).stack).toEqual(expect.stringContaining('duplicate key value'));
  });

  it('drops them from a cause chain too (error → cause → cause)', () => {
    const inner = new QueryFailedError(SQL, [SECRET_HASH], driverError());
    const middle = new Error('could not revoke the key', { cause: inner });
    const outer = new Error('request failed', { cause: middle });
    const serialized = serializeErrorForLog(outer) as { message: string; cause: { message: string; cause: Record<string, unknown> } };
    expect(serialized.message).toBe('request failed');
    expect(serialized.cause.message).toBe('could not revoke the key');
    expect(serialized.cause.cause).toMatchObject({ type: 'QueryFailedError', code: '23505' });
    expect(serialized.cause.cause).not.toHaveProperty('parameters');
    expect(logged(outer)).not.toContain(SECRET_HASH);
    expect(logged(outer)).not.toContain(SQL);
  });

  it('drops them from plain objects and arrays nested in an error, and summarises nesting deeper than it walks', () => {
    const error = Object.assign(new Error('batch failed'), {
      attempts: [{ query: SQL, parameters: [SECRET_HASH], code: 'SQLITE_BUSY' }],
      context: { level1: { level2: { level3: { level4: { parameters: [SECRET_HASH] } } } } },
    });
    const serialized = serializeErrorForLog(error) as { attempts: unknown[]; context: unknown };
    expect(serialized.attempts).toEqual([{ code: 'SQLITE_BUSY' }]);
    expect(JSON.stringify(serialized.context)).toContain('[nested too deep]');
    expect(logged(error)).not.toContain(SECRET_HASH);
  });

  it('passes values that are not objects through unchanged', () => {
    expect(serializeErrorForLog('plain text')).toBe('plain text');
    expect(serializeErrorForLog(42)).toBe(42);
    expect(serializeErrorForLog(null)).toBeNull();
    expect(serializeErrorForLog(undefined)).toBeUndefined();
  });
});
