import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { AuthModule } from '../../src/auth/auth.module.js';
import { configureHttpApp } from '../../src/bootstrap.js';
import { LoggingModule } from '../../src/common/logging.module.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { StoreTransactions } from '../../src/database/store-transactions.js';
import { EventPublisher, type DomainEvent } from '../../src/outbox/event-publisher.js';
import { OutboxModule } from '../../src/outbox/outbox.module.js';
import { WebhooksApiModule, WebhooksWorkerModule } from '../../src/webhooks/webhooks.module.js';
import { ADMIN_KEY, deletePrefixedKeys, forBlock, type BlockInstance, type StoreKind, type TestStore } from '../service/harness.js';

export { ADMIN_KEY, createStore, type TestStore } from '../service/harness.js';

/**
 * Settings that run the whole retry schedule in well under a second. The receiver lives on 127.0.0.1,
 * which only the allow-list lets through.
 */
export const FAST_WEBHOOKS: Record<string, string> = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_BACKOFF_BASE_MS: '50',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_RELAY_POLL_MS: '50',
  WEBHOOK_RELAY_LEASE_MS: '300',
  WEBHOOK_DISABLE_AFTER_FAILURES: '2',
};

let prefixCounter = 0;

/** A BullMQ prefix of its own per app, so test files never see each other's jobs. */
export function uniquePrefix(label: string): string {
  return `sp-test-${label}-${process.pid}-${Date.now().toString(36)}-${prefixCounter++}`;
}

/** The service's core, API keys and both halves of the webhooks feature: api and worker in one process. */
@Module({})
class WebhooksTestRoot {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: WebhooksTestRoot,
      imports: [ConfigModule.forRoot(config), LoggingModule, DatabaseModule, AuthModule, OutboxModule, WebhooksApiModule, WebhooksWorkerModule],
    };
  }
}

export interface WebhookApp {
  app: NestExpressApplication;
  config: AppConfig;
  get(path: string, key?: string): request.Test;
  post(path: string, body: unknown, key?: string): request.Test;
  patch(path: string, body: unknown, key?: string): request.Test;
  del(path: string, key?: string): request.Test;
  /** What a feature does when it stores a result: the event is written in the caller's transaction. */
  publish(event: DomainEvent): Promise<string>;
  close(): Promise<void>;
}

export async function startWebhookApp(store: TestStore, label: string, env: Record<string, string> = {}): Promise<WebhookApp> {
  const config = loadConfig({
    LOG_LEVEL: 'silent', STAFFPLAN_ADMIN_KEY: ADMIN_KEY, BULLMQ_PREFIX: uniquePrefix(label), ...FAST_WEBHOOKS, ...store.env, ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(WebhooksTestRoot.forConfig(config), { bodyParser: false, bufferLogs: true });
  configureHttpApp(app, config);
  await app.init();
  const server = app.getHttpServer();
  const auth = (test: request.Test, key: string) => test.set('authorization', `Bearer ${key}`);
  return {
    app,
    config,
    get: (path, key = ADMIN_KEY) => auth(request(server).get(path), key),
    post: (path, body, key = ADMIN_KEY) => auth(request(server).post(path), key).send(body as object),
    patch: (path, body, key = ADMIN_KEY) => auth(request(server).patch(path), key).send(body as object),
    del: (path, key = ADMIN_KEY) => auth(request(server).delete(path), key),
    publish: (event) => app.get(StoreTransactions).run('test-feature', (manager) => app.get(EventPublisher).publishWithin(manager, event)),
    close: async () => {
      await app.close();
      await deleteQueueKeys(config);
    },
  };
}

/** The webhook app for a describe block: started in its beforeAll, closed (and its store dropped) in afterAll. */
export function webhookAppForBlock(kind: StoreKind, label: string, env: Record<string, string> = {}): BlockInstance<WebhookApp> {
  return forBlock(kind, (store) => startWebhookApp(store, label, env));
}

/** Removes this app's BullMQ keys (its prefix is unique, so nobody else's keys match). */
export async function deleteQueueKeys(config: AppConfig): Promise<void> {
  await deletePrefixedKeys(config.redisUrl, config.webhooks.queuePrefix);
}

export interface ReceivedMessage {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A real HTTP endpoint on 127.0.0.1 that records every POST and answers as the test scripts it. */
export interface Receiver {
  url: string;
  messages: ReceivedMessage[];
  /** Replies in order; the last one repeats. */
  script(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let replies: Reply[] = [{ status: 200 }];
  let answered = 0;
  const messages: ReceivedMessage[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      messages.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
      const reply = replies[Math.min(answered, replies.length - 1)];
      answered += 1;
      setTimeout(() => {
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.status >= 400 ? 'receiver says no' : 'ok');
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    messages,
    script: (...next) => {
      replies = next;
      answered = 0;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Verifies with the Standard Webhooks reference library, not with our own signing code. */
export function verifyWithReferenceLibrary(secret: string, message: ReceivedMessage): unknown {
  return new Webhook(secret).verify(message.body, {
    'webhook-id': String(message.headers['webhook-id']),
    'webhook-timestamp': String(message.headers['webhook-timestamp']),
    'webhook-signature': String(message.headers['webhook-signature']),
  });
}

export async function waitFor<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const planCompleted = (jobId: string): DomainEvent => ({
  type: 'staffing-plan.completed',
  data: { jobId, resultId: `res_${jobId}`, kind: 'staffing-plan', links: { self: `/v1/jobs/${jobId}`, result: `/v1/jobs/${jobId}/result` } },
});
