import { afterEach, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { StoreTransactions } from '../../src/database/store-transactions.js';
import { OutboxClaims } from '../../src/outbox/outbox-claims.js';
import { OutboxEventEntity } from '../../src/outbox/outbox-event.entity.js';
import { DeliveryQueue } from '../../src/webhooks/delivery-queue.js';
import { DeliveryStore } from '../../src/webhooks/delivery-store.js';
import { OutboxRelay } from '../../src/webhooks/outbox-relay.js';
import { STORES } from '../service/harness.js';
import { planCompleted, sleep, startReceiver, verifyWithReferenceLibrary, waitFor, webhookAppForBlock, type Receiver } from './harness.js';

const LEASE_MS = 300;

/** The process "dies" after the jobs are enqueued and before the outbox row is marked dispatched. */
class CrashBeforeMarking extends OutboxClaims {
  override async markDispatched(): Promise<boolean> {
    throw new Error('injected crash: relay died before marking the row dispatched');
  }
}

/** The process "dies" after the delivery rows are committed and before anything reaches Redis. */
const crashBeforeEnqueue = {
  enqueue: async () => {
    throw new Error('injected crash: relay died before enqueueing');
  },
} as unknown as DeliveryQueue;

describe.each(STORES)('outbox relay (%s)', (kind) => {
  // The app's own relay polls rarely: these tests drive relay runs by hand.
  const service = webhookAppForBlock(kind, `relay-${kind}`, { WEBHOOK_RELAY_POLL_MS: '600000', WEBHOOK_RELAY_LEASE_MS: String(LEASE_MS), WEBHOOK_TIMEOUT_MS: '5000' });
  let receiver: Receiver;
  let secret: string;
  let subscriptionId: string;

  afterEach(async () => {
    await receiver?.close();
    if (subscriptionId) await service.del(`/v1/webhook-subscriptions/${subscriptionId}`).expect(204);
  });

  async function subscribe(): Promise<void> {
    receiver = await startReceiver();
    const response = await service.post('/v1/webhook-subscriptions', { url: receiver.url, events: ['*'] }).expect(201);
    ({ id: subscriptionId, secret } = response.body);
  }

  const dataSource = () => service.app.get<DataSource>(getDataSourceToken());
  const outboxRow = (id: string) => dataSource().manager.findOneByOrFail(OutboxEventEntity, { id });
  const appRelay = () => service.app.get(OutboxRelay);
  const relayWith = (claims: OutboxClaims, queue: DeliveryQueue = service.app.get(DeliveryQueue)) =>
    new OutboxRelay(claims, service.app.get(DeliveryStore), queue, service.config);
  const claims = () => new OutboxClaims(dataSource(), service.app.get(StoreTransactions));
  const deliveriesOf = async (id: string) => (await service.get(`/v1/webhook-deliveries?subscriptionId=${id}`).expect(200)).body.items;

  it('a crash after enqueue and before marking the row still delivers exactly once (the re-enqueue dedupes by job id)', async () => {
    await subscribe();
    // The receiver holds its answer, so the first attempt is still in flight when the fresh relay re-enqueues.
    receiver.script({ status: 200, delayMs: 1500 });
    const eventId = await service.publish(planCompleted('job_crash1'));

    expect(await relayWith(new CrashBeforeMarking(dataSource(), service.app.get(StoreTransactions))).runOnce()).toBe(0);
    expect((await outboxRow(eventId)).dispatchedAt).toBeNull();
    await waitFor(() => receiver.messages.length, (n) => n === 1);
    // While the crashed relay's lease lasts, nobody else takes the row.
    expect(await appRelay().runOnce()).toBe(0);

    await sleep(LEASE_MS + 50);
    expect(await appRelay().runOnce()).toBe(1);
    expect((await outboxRow(eventId)).dispatchedAt).not.toBeNull();
    const [delivery] = await waitFor(() => deliveriesOf(subscriptionId), (items) => items[0]?.status === 'succeeded');
    await sleep(300);
    expect(delivery.attempts).toBe(1);
    expect(receiver.messages).toHaveLength(1);
    verifyWithReferenceLibrary(secret, receiver.messages[0]);
  });

  it('a crash between commit and enqueue loses nothing: a fresh relay delivers the event once', async () => {
    await subscribe();
    const eventId = await service.publish(planCompleted('job_crash2'));

    expect(await relayWith(claims(), crashBeforeEnqueue).runOnce()).toBe(0);
    await sleep(LEASE_MS + 50);
    expect(receiver.messages).toHaveLength(0);
    expect((await deliveriesOf(subscriptionId)).map((d: { status: string }) => d.status)).toEqual(['pending']);

    expect(await relayWith(claims()).runOnce()).toBe(1);
    await waitFor(() => deliveriesOf(subscriptionId), (items) => items[0]?.status === 'succeeded');
    // Running the relay again finds nothing left to do.
    expect(await appRelay().runOnce()).toBe(0);
    await sleep(200);
    expect(receiver.messages).toHaveLength(1);
    expect(JSON.parse(receiver.messages[0].body).id).toBe(eventId);
    expect((await outboxRow(eventId)).dispatchedAt).not.toBeNull();
  });

  it('several relays running at once dispatch every event once and deliver each once', async () => {
    await subscribe();
    const eventIds: string[] = [];
    for (let n = 0; n < 25; n += 1) eventIds.push(await service.publish(planCompleted(`job_many_${n}`)));

    const dispatched = await Promise.all([relayWith(claims()).runOnce(), relayWith(claims()).runOnce(), relayWith(claims()).runOnce()]);
    expect(dispatched.reduce((a, b) => a + b, 0)).toBe(25);
    await waitFor(() => receiver.messages.length, (n) => n >= 25);
    await sleep(300);
    expect(receiver.messages).toHaveLength(25);
    const received = receiver.messages.map((m) => (verifyWithReferenceLibrary(secret, m) as { id: string }).id);
    expect([...received].sort()).toEqual([...eventIds].sort());
    expect(new Set(receiver.messages.map((m) => m.headers['webhook-id'])).size).toBe(25);
  });
});
