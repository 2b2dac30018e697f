/**
 * DESIGN §4 on the admin POSTs: with an Idempotency-Key, a retried create/rotate/redeliver gets the first
 * answer back (the same secret, no second row, no second delivery); another body is 422; a retry while the
 * first still runs is 409. Real app on SQLite and PostgreSQL, real Redis, a real receiver on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdempotencyRecords } from '../../src/common/idempotency/idempotency-records.js';
import { IdempotencyRecordEntity } from '../../src/common/idempotency/idempotency-record.entity.js';
import { StoreTransactions } from '../../src/database/store-transactions.js';
import { DataSource } from 'typeorm';
import { contentHash } from '../../src/ingestion/shared/canonical.js';
import { STORES } from '../service/harness.js';
import { planCompleted, startReceiver, waitFor, webhookAppForBlock, type Receiver } from './harness.js';

describe.each(STORES)('Idempotency-Key on admin POSTs (%s)', (kind) => {
  const service = webhookAppForBlock(kind, `idem-${kind}`);
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
  });

  const withKey = (path: string, body: unknown, key: string) => service.post(path, body).set('Idempotency-Key', key);

  const storedAnswers = () => service.app.get(DataSource).getRepository(IdempotencyRecordEntity).find().then((rows) => JSON.stringify(rows.map((row) => row.responseBody)));

  it('answers a retried subscription create 409 naming the subscription, never stores its secret, and creates only one', async () => {
    const body = { url: `${receiver.url}/a`, events: ['staffing-plan.completed'] };
    const first = await withKey('/v1/webhook-subscriptions', body, 'sub-create-1').expect(201);
    const retry = await withKey('/v1/webhook-subscriptions', body, 'sub-create-1').expect(409);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.body.error).toMatchObject({ code: 'CONFLICT', message: `already created as ${first.body.id}; the secret was shown once` });
    expect(retry.body.error.details[0]).toMatchObject({ field: 'Idempotency-Key', rule: 'secretShownOnce' });
    expect(JSON.stringify(retry.body)).not.toContain(first.body.secret);
    expect(await storedAnswers()).not.toContain(first.body.secret);
    await withKey('/v1/webhook-subscriptions', { ...body, events: ['*'] }, 'sub-create-1').expect(422);
    const listed = await service.get('/v1/webhook-subscriptions').expect(200);
    expect(listed.body.filter((s: { url: string }) => s.url === body.url)).toHaveLength(1);
  });

  it('answers 422 when the same key comes with another body, and keys without a header create anew', async () => {
    await withKey('/v1/webhook-subscriptions', { url: `${receiver.url}/b`, events: ['*'] }, 'sub-create-2').expect(201);
    const other = await withKey('/v1/webhook-subscriptions', { url: `${receiver.url}/other`, events: ['*'] }, 'sub-create-2').expect(422);
    expect(other.body.error.details[0]).toMatchObject({ field: 'Idempotency-Key', rule: 'sameBody' });
    const plain = { url: `${receiver.url}/c`, events: ['*'] };
    const a = await service.post('/v1/webhook-subscriptions', plain).expect(201);
    const b = await service.post('/v1/webhook-subscriptions', plain).expect(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('answers 409 to a retry that arrives while the first request with the key is still running', async () => {
    const body = { url: `${receiver.url}/d`, events: ['*'] };
    const keys = await service.get('/v1/api-keys').expect(200);
    const admin = keys.body.find((k: { name: string }) => k.name.startsWith('admin')) as { id: string };
    // The first request, still running: it holds the key exactly as the interceptor's claim does.
    const records = new IdempotencyRecords(service.app.get(StoreTransactions));
    const running = await records.claim({ apiKeyId: admin.id, route: 'POST /v1/webhook-subscriptions', idempotencyKey: 'sub-create-3' }, contentHash(body));
    expect(running.kind).toBe('claimed');
    const retry = await withKey('/v1/webhook-subscriptions', body, 'sub-create-3').expect(409);
    expect(retry.body.error.code).toBe('CONFLICT');
    const listed = await service.get('/v1/webhook-subscriptions').expect(200);
    expect(listed.body.filter((s: { url: string }) => s.url === body.url)).toHaveLength(0);
  });

  it('lets a key that failed with an error be retried afresh', async () => {
    await withKey('/v1/webhook-subscriptions', { url: 'http://10.1.2.3/x', events: ['*'] }, 'sub-create-4').expect(422);
    const again = await withKey('/v1/webhook-subscriptions', { url: 'http://10.1.2.3/x', events: ['*'] }, 'sub-create-4').expect(422);
    expect(again.body.error.code).toBe('WEBHOOK_URL_REFUSED');
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers a retried secret rotation 409 instead of rotating twice, without storing the new secret', async () => {
    const created = await service.post('/v1/webhook-subscriptions', { url: `${receiver.url}/e`, events: ['*'] }).expect(201);
    const path = `/v1/webhook-subscriptions/${created.body.id}/rotate-secret`;
    const first = await withKey(path, { overlapSeconds: 60 }, 'rotate-1').expect(200);
    const retry = await withKey(path, { overlapSeconds: 60 }, 'rotate-1').expect(409);
    expect(first.body.secret).not.toBe(created.body.secret);
    expect(retry.body.error).toMatchObject({ code: 'CONFLICT', message: `already rotated the secret of ${created.body.id}; the secret was shown once` });
    expect(await storedAnswers()).not.toContain(first.body.secret);
    await withKey(path, { overlapSeconds: 30 }, 'rotate-1').expect(422);
    // The same key on another subscription is another request, not a replay.
    const second = await service.post('/v1/webhook-subscriptions', { url: `${receiver.url}/f`, events: ['*'] }).expect(201);
    const elsewhere = await withKey(`/v1/webhook-subscriptions/${second.body.id}/rotate-secret`, { overlapSeconds: 60 }, 'rotate-1').expect(200);
    expect(elsewhere.headers['idempotent-replayed']).toBeUndefined();
  });

  it('replays a retried redeliver without sending the event a third time', async () => {
    const sub = await service.post('/v1/webhook-subscriptions', { url: `${receiver.url}/g`, events: ['staffing-plan.completed'] }).expect(201);
    await service.publish(planCompleted(`job_idem_${kind}`));
    const deliveries = () => service.get(`/v1/webhook-deliveries?subscriptionId=${sub.body.id}`).expect(200).then((r) => r.body.items as { id: string; status: string; attempts: number }[]);
    const [delivery] = await waitFor(deliveries, (items) => items.length === 1 && items[0].status === 'succeeded');
    const path = `/v1/webhook-deliveries/${delivery.id}/redeliver`;
    const first = await withKey(path, {}, 'redeliver-1').expect(202);
    const retry = await withKey(path, {}, 'redeliver-1').expect(202);
    expect(retry.body).toEqual(first.body);
    expect(first.body.redeliveries).toBe(1);
    const [done] = await waitFor(deliveries, (items) => items[0].status === 'succeeded' && items[0].attempts === 2);
    expect(done.attempts).toBe(2);
    const received = receiver.messages.filter((m) => m.path === '/hooks/g');
    expect(received).toHaveLength(2);
  });

  it('answers a retried API key create 409 naming the key id, never stores the key, and creates one key', async () => {
    const body = { name: `crm-${kind}`, scopes: ['estimates:write'] };
    const first = await withKey('/v1/api-keys', body, 'key-create-1').expect(201);
    const retry = await withKey('/v1/api-keys', body, 'key-create-1').expect(409);
    expect(retry.body.error).toMatchObject({ code: 'CONFLICT', message: `already created as ${first.body.id}; the secret was shown once` });
    expect(await storedAnswers()).not.toContain(first.body.key);
    expect(await storedAnswers()).toContain(first.body.id);
    const listed = await service.get('/v1/api-keys').expect(200);
    expect(listed.body.filter((k: { name: string }) => k.name === body.name)).toHaveLength(1);
    await withKey('/v1/api-keys', { ...body, scopes: ['admin'] }, 'key-create-1').expect(422);
  });
});
