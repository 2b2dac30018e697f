import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module.js';
import { keysCommand } from '../../src/auth/keys.command.js';
import { loadConfig } from '../../src/config/app-config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { ScenarioSnapshotService } from '../../src/snapshot/scenario-snapshot.service.js';
import { REDIS_URL, STORES, createStore, deletePrefixedKeys, startService, uniquePrefix, type TestStore } from './harness.js';

const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');

function captureStdout(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}

describe.each(STORES)('starting the service (%s)', (kind) => {
  let store: TestStore | undefined;

  afterEach(async () => {
    await store?.drop();
    store = undefined;
  });

  it('runs every registered migration up and back down on an empty database', async () => {
    store = await createStore(kind);
    const config = loadConfig({ ...store.env, LOG_LEVEL: 'silent' });
    const dataSource = await new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false }).initialize();
    try {
      const applied = await dataSource.runMigrations();
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
      expect(await dataSource.query('SELECT COUNT(*) AS n FROM employees')).toEqual([{ n: kind === 'sqlite' ? 0 : '0' }]);
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      await expect(dataSource.query('SELECT COUNT(*) FROM employees')).rejects.toThrow();
    } finally {
      await dataSource.destroy();
    }
  });

  it('prints a one-time admin key on the first start of an empty store without STAFFPLAN_ADMIN_KEY, and only then', async () => {
    store = await createStore(kind);
    const stdout = captureStdout();
    let service;
    try {
      service = await startService(store, { STAFFPLAN_ADMIN_KEY: '' });
    } finally {
      stdout.restore();
    }
    const key = /(sp_[a-z0-9]+_[A-Za-z0-9_-]+)/.exec(stdout.text())?.[1];
    expect(key).toBeDefined();
    await service.get('/v1/api-keys', key).expect(200);
    await service.close();
    const again = captureStdout();
    try {
      service = await startService(store, { STAFFPLAN_ADMIN_KEY: '' });
    } finally {
      again.restore();
    }
    expect(again.text()).not.toContain('sp_');
    await service.close();
  });

  it('creates, lists and revokes keys with the `keys` command on the configured store', async () => {
    store = await createStore(kind);
    const config = loadConfig({ ...store.env, LOG_LEVEL: 'silent' });
    const out = captureStdout();
    try {
      expect(await keysCommand(['create', '--name', 'crm', '--scopes', 'crm:write,plans:read'], config)).toBe(0);
      expect(await keysCommand(['create', '--name', 'bad', '--scopes', 'everything'], config)).toBe(1);
    } finally {
      out.restore();
    }
    const key = /(sp_([a-z0-9]+)_[A-Za-z0-9_-]+)/.exec(out.text());
    expect(key).not.toBeNull();
    const service = await startService(store);
    try {
      await service.get('/v1/crm/accounts', key![1]).expect(200);
      const revoke = captureStdout();
      try {
        expect(await keysCommand(['revoke', key![2]], config)).toBe(0);
        expect(await keysCommand(['list'], config)).toBe(0);
      } finally {
        revoke.restore();
      }
      expect(revoke.text()).toMatch(new RegExp(`${key![2]}\\tcrm\\tcrm:write,plans:read\\trevoked`));
      await service.get('/v1/crm/accounts', key![1]).expect(401);
    } finally {
      await service.close();
    }
  });

  it('boots the worker role without HTTP, with the snapshot service available', async () => {
    store = await createStore(kind);
    // A queue prefix of its own: the worker's queues never touch a deployment's default `staffplan` keys.
    const config = loadConfig({ ...store.env, LOG_LEVEL: 'silent', REDIS_URL, BULLMQ_PREFIX: uniquePrefix('boot') });
    const context = await NestFactory.createApplicationContext(AppModule.forRole('worker', config), { logger: false });
    try {
      expect(await context.get(ScenarioSnapshotService).load()).toMatchObject({ employees: [], opportunities: [] });
    } finally {
      await context.close();
      await deletePrefixedKeys(config.redisUrl, config.webhooks.queuePrefix);
    }
  });
});

describe('the service binary', () => {
  const built = existsSync(MAIN) ? it : it.skip;

  built('stops with exit code 78 and names the bad variable when the configuration is wrong', () => {
    const result = spawnSync(process.execPath, [MAIN, 'api'], { env: { ...process.env, PORT: 'abc', LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('PORT must be an integer');
  });

  built('refuses an unknown role', () => {
    const result = spawnSync(process.execPath, [MAIN, 'sideways'], { env: { ...process.env, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown role "sideways"');
  });
});
