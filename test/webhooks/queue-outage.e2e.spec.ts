/**
 * The delivery queue's producer fails fast while Redis is down (a redeliver answers 503 at once), and the
 * relay's sweep gives a pending delivery whose job was lost a job again. A redis-server of this file's own
 * on a free port is stopped for the outage; the shared Redis is never touched.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { DeliveryQueue, deliveryJobId } from '../../src/webhooks/delivery-queue.js';
import { OutboxRelay } from '../../src/webhooks/outbox-relay.js';
import { WebhookDeliveryEntity } from '../../src/webhooks/webhook-delivery.entity.js';
import { createStore, planCompleted, startReceiver, startWebhookApp, waitFor, type Receiver, type TestStore, type WebhookApp } from './harness.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    redis.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return redis;
}

const hasExited = (redis: ChildProcess) => redis.exitCode !== null || redis.signalCode !== null;

async function stopRedis(redis: ChildProcess | undefined): Promise<void> {
  if (!redis || hasExited(redis)) return;
  const exited = new Promise((resolve) => redis.once('exit', resolve));
  redis.kill('SIGTERM');
  await exited;
}

describe('webhook delivery queue with Redis down (sqlite)', () => {
  let store: TestStore;
  let service: WebhookApp;
  let receiver: Receiver;
  let redis: ChildProcess | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    store = await createStore('sqlite');
    receiver = await startReceiver();
    service = await startWebhookApp(store, 'outage', { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_COMMAND_TIMEOUT_MS: '300', JOB_SHUTDOWN_GRACE_MS: '2000' });
  });

  afterAll(async () => {
    // Redis comes back before the app closes: closing deletes this file's queue keys there.
    if (redis && hasExited(redis)) redis = await startRedis(port);
    await service?.close();
    await receiver?.close();
    await stopRedis(redis);
    await store?.drop();
  });

  const deliveries = (subscriptionId: string) =>
    service.get(`/v1/webhook-deliveries?subscriptionId=${subscriptionId}`).expect(200).then((r) => r.body.items as { id: string; status: string; attempts: number }[]);

  it('delivers a pending delivery whose BullMQ job was lost once the relay sweeps it', async () => {
    const sub = await service.post('/v1/webhook-subscriptions', { url: `${receiver.url}/lost`, events: ['staffing-plan.completed'] }).expect(201);
    await service.publish(planCompleted('job_sweep'));
    const [first] = await waitFor(() => deliveries(sub.body.id), (items) => items.length === 1 && items[0].status === 'succeeded');
    // The delivery is pending again with a run whose job was never enqueued (as after a lost enqueue).
    const rows = service.app.get(DataSource).getRepository(WebhookDeliveryEntity);
    await rows.update({ id: first.id }, { status: 'pending', redeliveries: 5, updatedAt: '2000-01-01T00:00:00.000Z' });
    expect(await service.app.get(DeliveryQueue).hasJob({ id: first.id, redeliveries: 5 })).toBe(false);
    // The relay also sweeps after each of its own passes, so this explicit sweep may find the job already given back.
    expect(await service.app.get(OutboxRelay).sweepPending()).toBeLessThanOrEqual(1);
    const [done] = await waitFor(() => deliveries(sub.body.id), (items) => items[0].status === 'succeeded' && items[0].attempts === 2);
    expect(done.attempts).toBe(2);
    expect(receiver.messages.filter((m) => m.path === '/hooks/lost')).toHaveLength(2);
    expect(await service.app.get(DeliveryQueue).hasJob({ id: first.id, redeliveries: 5 })).toBe(true);
    expect(deliveryJobId({ id: first.id, redeliveries: 5 })).toBe(`${first.id}-r5`);
  });

  it('answers a redeliver 503 within a few seconds while Redis is down, and the relay run still ends', async () => {
    const sub = await service.post('/v1/webhook-subscriptions', { url: `${receiver.url}/down`, events: ['staffing-plan.completed'] }).expect(201);
    await service.publish(planCompleted('job_outage'));
    const [delivery] = await waitFor(() => deliveries(sub.body.id), (items) => items.length === 1 && items[0].status === 'succeeded');
    await stopRedis(redis);
    const response = await service.post(`/v1/webhook-deliveries/${delivery.id}/redeliver`, {}).timeout(8_000).expect(503);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(response.headers['retry-after']).toBe('5');
    // The request's 8 s timeout is what proves it does not hang; the relay run must end too.
    await expect(service.app.get(OutboxRelay).runOnce()).resolves.toBe(0);
    // Redis back: the retried redeliver goes through.
    redis = await startRedis(port);
    await waitFor(() => service.post(`/v1/webhook-deliveries/${delivery.id}/redeliver`, {}).then((r) => r.status), (status) => status === 202, 15_000);
  });
});
