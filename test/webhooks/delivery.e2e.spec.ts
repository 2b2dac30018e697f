import { afterEach, describe, expect, it } from '@jest/globals';
import { planCompleted, sleep, startReceiver, verifyWithReferenceLibrary, waitFor, webhookAppForBlock, type Receiver } from './harness.js';

interface DeliveryView {
  id: string;
  status: string;
  attempts: number;
  subscriptionId: string;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  redeliveries: number;
  subscription: { owner: string | null; status: string; disabledReason: string | null } | null;
  attemptLog: { attempt: number; statusCode: number | null; outcome: string; latencyMs: number; error: string | null }[];
}

describe('webhook delivery to a real receiver (SQLite, real Redis)', () => {
  const service = webhookAppForBlock('sqlite', 'delivery', { WEBHOOK_TIMEOUT_MS: '400' });
  let receiver: Receiver;
  let jobCounter = 0;

  afterEach(async () => {
    await receiver?.close();
  });

  /** A fresh receiver and a subscription to it; every test sees only its own deliveries. */
  async function subscribe(events: string[] = ['staffing-plan.completed'], owner = 'crm-prod') {
    receiver = await startReceiver();
    const response = await service.post('/v1/webhook-subscriptions', { url: receiver.url, events, owner }).expect(201);
    return { id: response.body.id as string, secret: response.body.secret as string };
  }

  const deliveriesOf = async (subscriptionId: string): Promise<DeliveryView[]> =>
    (await service.get(`/v1/webhook-deliveries?subscriptionId=${subscriptionId}`).expect(200)).body.items;

  const finishedDelivery = (subscriptionId: string) =>
    waitFor(() => deliveriesOf(subscriptionId), (items) => items.length === 1 && ['succeeded', 'failed'].includes(items[0].status)).then((items) => items[0]);

  const nextJob = () => `job_${++jobCounter}`;

  it('delivers one signed message that the standardwebhooks reference library verifies', async () => {
    const { id, secret } = await subscribe();
    const other = await service.post('/v1/webhook-subscriptions', { url: receiver.url.replace('/hooks', '/estimates'), events: ['estimate.completed'] }).expect(201);
    const jobId = nextJob();
    const eventId = await service.publish(planCompleted(jobId));

    const delivery = await finishedDelivery(id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200, lastError: null });
    expect(delivery.lastLatencyMs).toBeGreaterThanOrEqual(0);
    expect(receiver.messages).toHaveLength(1);
    const [message] = receiver.messages;
    const verified = verifyWithReferenceLibrary(secret, message);
    expect(verified).toEqual({
      type: 'staffing-plan.completed',
      id: eventId,
      timestamp: expect.any(String),
      data: { jobId, resultId: `res_${jobId}`, kind: 'staffing-plan', links: { self: `/v1/jobs/${jobId}`, result: `/v1/jobs/${jobId}/result` } },
    });
    expect(message.headers['webhook-id']).toBe(delivery.id);
    expect(message.headers['content-type']).toBe('application/json');
    // The estimate-only subscription got nothing.
    await sleep(200);
    expect(await deliveriesOf(other.body.id)).toEqual([]);
    expect(receiver.messages.map((m) => m.path)).toEqual(['/hooks']);
  });

  it('retries a 500 and delivers once in effect: both attempts carry the same webhook-id and verify', async () => {
    const { id, secret } = await subscribe();
    receiver.script({ status: 500 }, { status: 200 });
    await service.publish(planCompleted(nextJob()));

    const delivery = await finishedDelivery(id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 });
    expect(delivery.attemptLog.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([[1, 500, 'retry'], [2, 200, 'delivered']]);
    expect(delivery.attemptLog[0].error).toContain('HTTP 500');
    expect(receiver.messages).toHaveLength(2);
    expect(new Set(receiver.messages.map((m) => m.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    for (const message of receiver.messages) verifyWithReferenceLibrary(secret, message);
    expect(receiver.messages[1].body).toBe(receiver.messages[0].body);
  });

  it('disables the endpoint on 410 Gone and sends it nothing more', async () => {
    const { id } = await subscribe();
    receiver.script({ status: 410 });
    await service.publish(planCompleted(nextJob()));

    const delivery = await finishedDelivery(id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410 });
    expect(delivery.subscription).toMatchObject({ status: 'disabled', owner: 'crm-prod', disabledReason: 'the endpoint answered 410 Gone' });
    await service.publish(planCompleted(nextJob()));
    await sleep(300);
    expect(receiver.messages).toHaveLength(1);
    expect(await deliveriesOf(id)).toHaveLength(1);
  });

  it('honours Retry-After on 429 and 503 instead of the (shorter) backoff', async () => {
    const { id } = await subscribe();
    receiver.script({ status: 429, headers: { 'retry-after': '1' } }, { status: 503, headers: { 'retry-after': '1' } }, { status: 200 });
    await service.publish(planCompleted(nextJob()));

    const delivery = await waitFor(() => deliveriesOf(id), (items) => items[0]?.status === 'succeeded').then((items) => items[0]);
    expect(delivery.attemptLog.map((a) => a.statusCode)).toEqual([429, 503, 200]);
    const [first, second, third] = receiver.messages.map((m) => m.receivedAt);
    // The backoff alone would wait 50 ms and 100 ms; the receiver asked for a second each time.
    expect(second - first).toBeGreaterThanOrEqual(950);
    expect(third - second).toBeGreaterThanOrEqual(950);
  });

  it('signs with the old and the new secret during a rotation overlap, then with the new one only', async () => {
    const { id, secret: oldSecret } = await subscribe();
    const rotated = await service.post(`/v1/webhook-subscriptions/${id}/rotate-secret`, { overlapSeconds: 3600 }).expect(200);
    await service.publish(planCompleted(nextJob()));
    await waitFor(() => receiver.messages.length, (n) => n === 1);
    const [during] = receiver.messages;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyWithReferenceLibrary(oldSecret, during)).toMatchObject({ type: 'staffing-plan.completed' });
    expect(verifyWithReferenceLibrary(rotated.body.secret, during)).toMatchObject({ type: 'staffing-plan.completed' });

    const retired = await service.post(`/v1/webhook-subscriptions/${id}/rotate-secret`, { overlapSeconds: 0 }).expect(200);
    await service.publish(planCompleted(nextJob()));
    await waitFor(() => receiver.messages.length, (n) => n === 2);
    const after = receiver.messages[1];
    expect(verifyWithReferenceLibrary(retired.body.secret, after)).toMatchObject({ type: 'staffing-plan.completed' });
    expect(() => verifyWithReferenceLibrary(rotated.body.secret, after)).toThrow();
    expect(() => verifyWithReferenceLibrary(oldSecret, after)).toThrow();
  });

  it('disables an endpoint after N failed deliveries in a row and shows its owner in the log', async () => {
    const { id } = await subscribe(['job.failed'], 'hr-workday');
    receiver.script({ status: 500 });
    const failed = { type: 'job.failed' as const, data: { jobId: 'job_x', kind: 'estimate', error: { code: 'SOLVER_FAILED', message: 'no plan' }, links: { self: '/v1/jobs/job_x' } } };
    await service.publish(failed);
    await waitFor(() => deliveriesOf(id), (items) => items[0]?.status === 'failed');
    expect((await service.get(`/v1/webhook-subscriptions/${id}`).expect(200)).body).toMatchObject({ status: 'enabled', consecutiveFailures: 1 });
    await service.publish(failed);
    const items = await waitFor(() => deliveriesOf(id), (list) => list.length === 2 && list.every((d) => d.status === 'failed'));

    // WEBHOOK_MAX_ATTEMPTS=3 per delivery, WEBHOOK_DISABLE_AFTER_FAILURES=2.
    expect(items.map((d) => d.attempts)).toEqual([3, 3]);
    expect(receiver.messages).toHaveLength(6);
    const log = await service.get('/v1/webhook-deliveries?status=failed&event=job.failed').expect(200);
    const mine = log.body.items.filter((d: DeliveryView) => d.subscriptionId === id);
    expect(mine).toHaveLength(2);
    expect(mine[0].subscription).toEqual(expect.objectContaining({ owner: 'hr-workday', status: 'disabled', disabledReason: '2 deliveries in a row failed (limit 2)' }));
  });

  it('counts a receiver slower than the timeout as a failed attempt and retries it', async () => {
    const { id } = await subscribe();
    receiver.script({ status: 200, delayMs: 1500 }, { status: 200 });
    await service.publish(planCompleted(nextJob()));
    const delivery = await waitFor(() => deliveriesOf(id), (items) => items[0]?.status === 'succeeded').then((items) => items[0]);
    expect(delivery.attemptLog[0]).toMatchObject({ statusCode: null, outcome: 'retry', error: 'timed out after 400 ms' });
    expect(delivery.attemptLog[1]).toMatchObject({ statusCode: 200, outcome: 'delivered' });
  });

  it('redelivers a finished delivery with the same webhook-id, and refuses while the endpoint is disabled', async () => {
    const { id, secret } = await subscribe();
    await service.publish(planCompleted(nextJob()));
    const delivery = await finishedDelivery(id);
    const accepted = await service.post(`/v1/webhook-deliveries/${delivery.id}/redeliver`, {}).expect(202);
    expect(accepted.body).toMatchObject({ id: delivery.id, redeliveries: 1 });
    await waitFor(() => receiver.messages.length, (n) => n === 2);
    const again = await waitFor(() => service.get(`/v1/webhook-deliveries/${delivery.id}`).expect(200).then((r) => r.body as DeliveryView), (d) => d.status === 'succeeded' && d.attempts === 2);
    expect(again.attemptLog).toHaveLength(2);
    expect(receiver.messages.map((m) => m.headers['webhook-id'])).toEqual([delivery.id, delivery.id]);
    verifyWithReferenceLibrary(secret, receiver.messages[1]);

    await service.patch(`/v1/webhook-subscriptions/${id}`, { enabled: false }).expect(200);
    const refused = await service.post(`/v1/webhook-deliveries/${delivery.id}/redeliver`, {}).expect(409);
    expect(refused.body.error.message).toContain('disabled');
    await service.post('/v1/webhook-deliveries/dlv_missing/redeliver', {}).expect(404);
  });

  it('filters the delivery log by subscription, status and event type', async () => {
    const { id } = await subscribe(['*']);
    await service.publish(planCompleted(nextJob()));
    await service.publish({ type: 'estimate.completed', data: { jobId: 'job_e', resultId: 'res_e', kind: 'estimate', links: { self: '/v1/jobs/job_e' } } });
    await waitFor(() => deliveriesOf(id), (items) => items.length === 2 && items.every((d) => d.status === 'succeeded'));
    const estimates = await service.get(`/v1/webhook-deliveries?subscriptionId=${id}&event=estimate.completed&status=succeeded`).expect(200);
    expect(estimates.body.total).toBe(1);
    expect(estimates.body.items[0]).toMatchObject({ eventType: 'estimate.completed', subscriptionId: id });
    await service.get('/v1/webhook-deliveries?status=lost').expect(400);
  });
});
