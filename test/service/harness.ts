import { afterAll, beforeAll } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { deletePrefixedKeys } from '../../src/jobs/redis-keys.js';

export { deletePrefixedKeys };

/** The two stores every service test runs against. */
export const STORES = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORES)[number];

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ADMIN_KEY = 'sp_testadmin_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let prefixes = 0;
/** A BullMQ key prefix of this test file's own, so test files never share (or leave behind) queue keys. */
export function uniquePrefix(name: string): string {
  return `t${name}${process.pid}x${Date.now().toString(36)}${prefixes++}`;
}

/** An empty database of its own: a temp SQLite file, or a fresh PostgreSQL schema (so test files never collide). */
export interface TestStore {
  kind: StoreKind;
  env: Record<string, string>;
  drop(): Promise<void>;
}

let counter = 0;

export async function createStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'staffplan-test-'));
    return {
      kind,
      env: { DATABASE_URL: `sqlite:${join(dir, 'staffplan.sqlite')}` },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await withPg((client) => client.query(`CREATE SCHEMA ${schema}`));
  return {
    kind,
    env: { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema },
    drop: () => withPg((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined),
  };
}

async function withPg<T>(work: (client: DataSource) => Promise<T>): Promise<T> {
  const client = await new DataSource({ type: 'postgres', url: PG_URL }).initialize();
  try {
    return await work(client);
  } finally {
    await client.destroy();
  }
}

export interface TestService {
  app: NestExpressApplication;
  config: AppConfig;
  /** supertest on the app, authenticated with `key` (the admin key by default). */
  put(path: string, body: unknown, key?: string): request.Test;
  get(path: string, key?: string): request.Test;
  del(path: string, key?: string): request.Test;
  post(path: string, body: unknown, key?: string): request.Test;
  raw(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real application (all modules of the api role) on the given store, not listening, with a queue
 * prefix of its own whose Redis keys `close()` deletes.
 */
export async function startService(store: TestStore, env: Record<string, string> = {}): Promise<TestService> {
  const config = loadConfig({ LOG_LEVEL: 'silent', STAFFPLAN_ADMIN_KEY: ADMIN_KEY, REDIS_URL, BULLMQ_PREFIX: uniquePrefix('svc'), ...store.env, ...env });
  const app = await createHttpApp('api', config);
  const server = app.getHttpServer();
  const auth = (test: request.Test, key: string) => test.set('authorization', `Bearer ${key}`);
  return {
    app,
    config,
    put: (path, body, key = ADMIN_KEY) => auth(request(server).put(path), key).send(body as object),
    get: (path, key = ADMIN_KEY) => auth(request(server).get(path), key),
    del: (path, key = ADMIN_KEY) => auth(request(server).delete(path), key),
    post: (path, body, key = ADMIN_KEY) => auth(request(server).post(path), key).send(body as object),
    raw: () => request(server),
    close: async () => {
      await app.close();
      await deletePrefixedKeys(config.redisUrl, config.webhooks.queuePrefix);
    },
  };
}

/** Something a test starts on a store and must close: a service, a webhook app. */
export interface Closable {
  close(): Promise<void>;
}

/** What `forBlock` returns: the running instance's members, and `restart()` on the same store. */
export type BlockInstance<T extends Closable> = T & { restart(): Promise<void> };

/**
 * Registers the describe block's beforeAll (a fresh store of `kind`, `start` on it) and afterAll (close,
 * then drop the store). The returned object forwards every member to the running instance, so tests use it
 * like the started one; `restart()` closes it and starts again on the same store.
 */
export function forBlock<T extends Closable>(kind: StoreKind, start: (store: TestStore) => Promise<T>): BlockInstance<T> {
  let store: TestStore | undefined;
  let current: T | undefined;
  beforeAll(async () => {
    store = await createStore(kind);
    current = await start(store);
  });
  afterAll(async () => {
    await current?.close();
    await store?.drop();
  });
  const running = (): T => {
    if (!current) throw new Error('not running: it starts in beforeAll');
    return current;
  };
  const restart = async () => {
    const stopping = running();
    current = undefined;
    await stopping.close();
    current = await start(store as TestStore);
  };
  return new Proxy({} as BlockInstance<T>, {
    get: (_target, member) => {
      if (member === 'restart') return restart;
      if (member === 'then') return undefined; // not a promise, whoever awaits it
      const value: unknown = Reflect.get(running(), member);
      return typeof value === 'function' ? value.bind(running()) : value;
    },
  });
}

/** The service for a describe block (see forBlock). */
export function serviceForBlock(kind: StoreKind, env: Record<string, string> = {}): BlockInstance<TestService> {
  return forBlock(kind, (store) => startService(store, env));
}

/** Creates a key with the given scopes through the admin API and returns it. */
export async function keyWithScopes(service: TestService, ...scopes: string[]): Promise<string> {
  const response = await service.post('/v1/api-keys', { name: `test ${scopes.join(' ')}`, scopes }).expect(201);
  return response.body.key as string;
}
