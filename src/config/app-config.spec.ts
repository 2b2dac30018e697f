import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded SQLite file and the local Redis', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { kind: 'better-sqlite3', url: './data/staffplan.sqlite' },
      redisUrl: 'redis://127.0.0.1:6379',
      logLevel: 'info',
    });
  });

  it('switches to PostgreSQL for a postgres:// DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', DATABASE_SCHEMA: 'tenant_a' }).database).toEqual({
      kind: 'postgres', url: 'postgres://u@h:5432/db', schema: 'tenant_a',
    });
  });

  it('reads sizes such as 512kb for BODY_LIMIT', () => {
    expect(loadConfig({ BODY_LIMIT: '512kb' }).bodyLimitBytes).toBe(512 * 1024);
  });

  it('names every wrong variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', RATE_LIMIT_PER_MINUTE: '0', STAFFPLAN_ADMIN_KEY: 'secret', REDIS_URL: 'http://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'RATE_LIMIT_PER_MINUTE', 'STAFFPLAN_ADMIN_KEY', 'REDIS_URL']) {
      expect(message).toContain(name);
    }
  });
});
