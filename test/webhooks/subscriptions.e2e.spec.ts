import { describe, expect, it } from '@jest/globals';
import { webhookAppForBlock } from './harness.js';

describe('webhook subscriptions API (SQLite)', () => {
  const service = webhookAppForBlock('sqlite', 'subs');

  const create = (body: Record<string, unknown>) => service.post('/v1/webhook-subscriptions', body);

  it('creates a subscription and answers its whsec_ secret once: never in list or get', async () => {
    const created = await create({ url: 'http://127.0.0.1:9/hooks', events: ['staffing-plan.completed'], description: 'CRM' }).expect(201);
    expect(created.body.id).toMatch(/^whs_[0-9a-f]{24}$/);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.body.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(created.body).toMatchObject({ status: 'enabled', events: ['staffing-plan.completed'], consecutiveFailures: 0 });
    // The owner defaults to the name of the key that created the subscription.
    expect(created.body.owner).toBe('admin (STAFFPLAN_ADMIN_KEY)');

    const fetched = await service.get(`/v1/webhook-subscriptions/${created.body.id}`).expect(200);
    expect(fetched.body).not.toHaveProperty('secret');
    const listed = await service.get('/v1/webhook-subscriptions').expect(200);
    expect(listed.body.map((s: { id: string }) => s.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
  });

  it("accepts '*' for every event type and refuses an unknown event type", async () => {
    const all = await create({ url: 'http://127.0.0.1:9/all', events: ['estimate.completed', '*'], owner: 'hr-system' }).expect(201);
    expect(all.body.events).toEqual(['*']);
    expect(all.body.owner).toBe('hr-system');
    const bad = await create({ url: 'http://127.0.0.1:9/x', events: ['plan.exploded'] }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details[0].field).toBe('events');
  });

  it.each([
    ['a private IPv4 address', 'http://10.1.2.3/hooks'],
    ['the cloud metadata (link-local) address', 'http://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', 'http://[::1]:8080/hooks'],
    ['an IPv4-mapped IPv6 private address', 'http://[::ffff:192.168.1.10]/hooks'],
    ['a host name that resolves to loopback', 'http://localhost:8080/hooks'],
  ])('refuses %s with 422 WEBHOOK_URL_REFUSED', async (_label, url) => {
    const response = await create({ url, events: ['*'] }).expect(422);
    expect(response.body.error.code).toBe('WEBHOOK_URL_REFUSED');
    expect(response.body.error.details[0]).toMatchObject({ field: 'url', rule: 'publicAddress' });
    expect(response.body.error.message).toContain('WEBHOOK_ALLOWED_HOSTS');
  });

  it('refuses URLs that are not http(s) or that carry credentials', async () => {
    expect((await create({ url: 'ftp://example.com/x', events: ['*'] }).expect(422)).body.error.details[0].rule).toBe('isUrl');
    expect((await create({ url: 'https://user:pw@example.com/x', events: ['*'] }).expect(422)).body.error.details[0].rule).toBe('noCredentials');
  });

  it('refuses changing a URL to a private address too', async () => {
    const created = await create({ url: 'http://127.0.0.1:9/ok', events: ['*'] }).expect(201);
    const response = await service.patch(`/v1/webhook-subscriptions/${created.body.id}`, { url: 'http://192.168.0.1/x' }).expect(422);
    expect(response.body.error.code).toBe('WEBHOOK_URL_REFUSED');
  });

  it('updates events and owner, disables and re-enables an endpoint', async () => {
    const created = await create({ url: 'http://127.0.0.1:9/u', events: ['job.failed'] }).expect(201);
    const path = `/v1/webhook-subscriptions/${created.body.id}`;
    const updated = await service.patch(path, { events: ['estimate.completed', 'job.failed'], owner: 'salesforce-prod' }).expect(200);
    expect(updated.body).toMatchObject({ events: ['estimate.completed', 'job.failed'], owner: 'salesforce-prod' });
    const disabled = await service.patch(path, { enabled: false }).expect(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledReason: 'disabled by an administrator' });
    const enabled = await service.patch(path, { enabled: true }).expect(200);
    expect(enabled.body).toMatchObject({ status: 'enabled', disabledReason: null, consecutiveFailures: 0 });
  });

  it('rotates the secret: a new one is answered once, and the old one is kept for the overlap', async () => {
    const created = await create({ url: 'http://127.0.0.1:9/r', events: ['*'] }).expect(201);
    const before = Date.now();
    const rotated = await service.post(`/v1/webhook-subscriptions/${created.body.id}/rotate-secret`, { overlapSeconds: 3600 }).expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const expires = Date.parse(rotated.body.previousSecretExpiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
    const retired = await service.post(`/v1/webhook-subscriptions/${created.body.id}/rotate-secret`, { overlapSeconds: 0 }).expect(200);
    expect(retired.body.previousSecretExpiresAt).toBeNull();
  });

  it('deletes a subscription', async () => {
    const created = await create({ url: 'http://127.0.0.1:9/d', events: ['*'] }).expect(201);
    await service.del(`/v1/webhook-subscriptions/${created.body.id}`).expect(204);
    await service.get(`/v1/webhook-subscriptions/${created.body.id}`).expect(404);
    await service.del(`/v1/webhook-subscriptions/${created.body.id}`).expect(404);
  });

  it('is for admin keys only: 401 without a key, 403 with another scope', async () => {
    const key = await service.post('/v1/api-keys', { name: 'crm', scopes: ['crm:write', 'plans:read'] }).expect(201);
    await service.get('/v1/webhook-subscriptions', key.body.key).expect(403);
    await service.post('/v1/webhook-deliveries/x/redeliver', {}, key.body.key).expect(403);
    await service.get('/v1/webhook-subscriptions', 'sp_nobody_aaaaaaaaaaaaaaaaaaaaaaaa').expect(401);
  });

  it('documents the event envelope in OpenAPI and lists the event types with examples', async () => {
    const events = await service.get('/v1/webhook-events').expect(200);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'staffing-plan.completed', 'capacity-forecast.completed', 'hiring-forecast.updated', 'estimate.completed', 'job.failed',
    ]);
    const docs = await service.get('/docs-json').expect(200);
    const schema = docs.body.components.schemas.WebhookEventDto;
    expect(schema.required).toEqual(expect.arrayContaining(['type', 'id', 'timestamp', 'data']));
    expect(schema.properties.type.enum).toContain('hiring-forecast.updated');
    expect(docs.body.paths['/v1/webhook-subscriptions/{id}/rotate-secret']).toBeDefined();
  });
});
