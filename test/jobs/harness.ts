/**
 * Helpers of the jobs tests: a service on a temp store with its own queue prefix, scenario loading
 * through the ingestion API, waiting for job states, worker child processes and a private redis-server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { Scenario } from '../../solver/types.js';
import { INGESTION_ROUTES } from '../../src/ingestion/ingestion-routes.js';
import { ADMIN_KEY, createStore, deletePrefixedKeys, REDIS_URL, uniquePrefix, type StoreKind, type TestStore } from '../service/harness.js';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { AppRole } from '../../src/app.roles.js';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';

export { ADMIN_KEY, deletePrefixedKeys, REDIS_URL, uniquePrefix };
const ROOT = process.cwd();

/** Short delays so stalls, retries and heartbeats happen within a test's seconds. */
export const FAST_JOBS_ENV: Record<string, string> = {
  JOB_STALLED_INTERVAL_MS: '500',
  JOB_LOCK_DURATION_MS: '1500',
  JOB_BACKOFF_MS: '200',
  JOB_HEARTBEAT_MS: '200',
  JOB_CANCEL_POLL_MS: '50',
  JOB_SHUTDOWN_GRACE_MS: '5000',
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOG_LEVEL: 'silent',
};

export interface JobsApp {
  app: NestExpressApplication;
  config: AppConfig;
  http: ReturnType<typeof request>;
  post(path: string, body: unknown, headers?: Record<string, string>, key?: string): request.Test;
  get(path: string, key?: string): request.Test;
  del(path: string, key?: string): request.Test;
  /** Closes the app and deletes its queue prefix's Redis keys (call once per prefix, when done with it). */
  close(): Promise<void>;
}

export async function startJobsService(role: AppRole, env: Record<string, string>): Promise<JobsApp> {
  const config = loadConfig({ STAFFPLAN_ADMIN_KEY: ADMIN_KEY, REDIS_URL, ...FAST_JOBS_ENV, ...env });
  const app = await createHttpApp(role, config);
  const server = app.getHttpServer();
  const auth = (test: request.Test, key: string) => test.set('authorization', `Bearer ${key}`);
  return {
    app,
    config,
    http: request(server),
    post: (path, body, headers = {}, key = ADMIN_KEY) => auth(request(server).post(path), key).set(headers).send(body as object),
    get: (path, key = ADMIN_KEY) => auth(request(server).get(path), key),
    del: (path, key = ADMIN_KEY) => auth(request(server).delete(path), key),
    close: async () => {
      await app.close();
      await deletePrefixedKeys(config.redisUrl, config.webhooks.queuePrefix);
    },
  };
}

/** Loads a scenario through the ingestion API, collection by collection (as `staffplan load` does). */
export async function loadScenario(service: JobsApp, scenario: Scenario): Promise<void> {
  for (const route of INGESTION_ROUTES) {
    const value = (scenario as Record<string, unknown>)[route.collection];
    if (value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0) continue;
    const body = route.collection === 'hiringPolicy' ? items[0] : { items };
    const response = await service.http.put(route.path).set('authorization', `Bearer ${ADMIN_KEY}`).send(body as object);
    if (response.status !== 200 || (response.body.errors?.length ?? 0) > 0) {
      throw new Error(`loading ${route.collection}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
    }
  }
}

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Polls GET /v1/jobs/{id} until the predicate holds; returns that view. */
export function waitForJob(service: JobsApp, jobId: string, predicate: (view: any) => boolean, timeoutMs = 30_000): Promise<any> {
  return until(`job ${jobId}`, async () => {
    const response = await service.get(`/v1/jobs/${jobId}`);
    return response.status === 200 && predicate(response.body) ? response.body : null;
  }, timeoutMs);
}

export const isFinished = (view: { status: string }) => ['completed', 'failed', 'cancelled'].includes(view.status);

export async function createTestStore(kind: StoreKind = 'sqlite'): Promise<TestStore> {
  return createStore(kind);
}

/** A worker as its own process (`node dist/src/main.js worker`), as deployed. */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/main.js'), 'worker'], {
    env: { ...process.env, STAFFPLAN_ADMIN_KEY: ADMIN_KEY, REDIS_URL, ...FAST_JOBS_ENV, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', () => undefined);
  return child;
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A redis-server of the test's own (AOF on), which the test may stop and restart. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'staffplan-redis-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.dir], { stdio: 'ignore' });
    await until('redis-server to answer', async () => {
      const client = new Redis(this.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        client.disconnect();
      }
    }, 10_000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child) return;
    child.kill('SIGTERM');
    await exited(child);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function tinyScenario(): Promise<Scenario> {
  return import('node:fs/promises').then(async (fs) => JSON.parse(await fs.readFile(join(ROOT, 'fixtures/tiny.json'), 'utf8')) as Scenario);
}

export async function northwind(): Promise<Scenario> {
  const fs = await import('node:fs/promises');
  return JSON.parse(await fs.readFile(join(ROOT, 'fixtures/northwind-consulting.json'), 'utf8')) as Scenario;
}
