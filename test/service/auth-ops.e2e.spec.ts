import { describe, expect, it } from '@jest/globals';
import { ADMIN_KEY, STORES, keyWithScopes, serviceForBlock } from './harness.js';

const ACCOUNT = { id: 'acc-auth', name: 'Auth Inc', updatedAt: '2027-01-01T00:00:00Z' };

describe.each(STORES)('auth, limits and the ops surface (%s)', (kind) => {
  const service = serviceForBlock(kind, { RATE_LIMIT_PER_MINUTE: '40', BODY_LIMIT: '4kb' });

  it('answers 401 without a key, with a malformed key and with a wrong secret', async () => {
    const none = await service.raw().put('/v1/crm/accounts').send({ items: [ACCOUNT] }).expect(401);
    expect(none.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), details: [] }, requestId: expect.any(String) });
    await service.put('/v1/crm/accounts', { items: [ACCOUNT] }, 'not-a-key').expect(401);
    await service.put('/v1/crm/accounts', { items: [ACCOUNT] }, ADMIN_KEY.replace(/a$/, 'b')).expect(401);
  });

  it('answers 403 when the key lacks the scope, and lets the right scope through', async () => {
    const hcmKey = await keyWithScopes(service, 'hcm:write');
    const forbidden = await service.put('/v1/crm/accounts', { items: [ACCOUNT] }, hcmKey).expect(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const crmKey = await keyWithScopes(service, 'crm:write');
    await service.put('/v1/crm/accounts', { items: [ACCOUNT] }, crmKey).expect(200);
    await service.get('/v1/crm/accounts/acc-auth', crmKey).expect(200);
  });

  it('lets plans:read read every collection but write none', async () => {
    const reader = await keyWithScopes(service, 'plans:read');
    await service.get('/v1/hcm/employees', reader).expect(200);
    await service.get('/v1/catalog/rate-cards', reader).expect(200);
    await service.put('/v1/crm/accounts', { items: [ACCOUNT] }, reader).expect(403);
  });

  it('accepts the key in X-API-Key too', async () => {
    await service.raw().get('/v1/crm/accounts').set('x-api-key', ADMIN_KEY).expect(200);
  });

  it('manages keys through /v1/api-keys: admin only, secret shown once, revocation immediate', async () => {
    const created = await service.post('/v1/api-keys', { name: 'salesforce', scopes: ['crm:write'] }).expect(201);
    expect(created.body).toMatchObject({ name: 'salesforce', scopes: ['crm:write'], revokedAt: null, key: expect.stringMatching(/^sp_[a-z0-9]+_/) });
    const listed = await service.get('/v1/api-keys').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key.split('_').slice(2).join('_'));
    await service.get('/v1/api-keys', created.body.key).expect(403);
    await service.del(`/v1/api-keys/${created.body.id}`).expect(200);
    await service.get('/v1/crm/accounts', created.body.key).expect(401);
    await service.post('/v1/api-keys', { name: 'x', scopes: ['root'] }).expect(400);
  });

  it('answers 413 with the error body when the body exceeds BODY_LIMIT', async () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ ...ACCOUNT, id: `big-${i}` }));
    const response = await service.put('/v1/crm/accounts', { items }).expect(413);
    expect(response.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('4096'), details: [] }, requestId: expect.any(String) });
  });

  it('answers 404 with the error body for an unknown route', async () => {
    const response = await service.get('/v1/nothing-here').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('echoes a caller x-request-id and makes one up otherwise', async () => {
    const echoed = await service.get('/v1/crm/accounts/none').set('x-request-id', 'trace-123').expect(404);
    expect(echoed.headers['x-request-id']).toBe('trace-123');
    expect(echoed.body.requestId).toBe('trace-123');
    const made = await service.get('/v1/crm/accounts/none').expect(404);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  // This app runs the api role alone and no worker consumes its queue prefix anywhere: accepted jobs would
  // only pile up, so it is live but not ready (issue 4), and the 503 names the indicator that is down and why.
  it('serves health probes without a key: live, but not ready while no worker consumes, naming the failing check', async () => {
    await service.raw().get('/health/live').expect(200, { status: 'ok' });
    const ready = await service.raw().get('/health/ready').expect(503);
    expect(ready.body.error).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'not ready: workers',
      details: [{ field: 'workers', rule: 'healthCheck', message: 'no worker is consuming the jobs queue' }],
    });
    expect(ready.body.requestId).toEqual(expect.any(String));
    expect(ready.body.health).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
      error: { workers: { status: 'down', consuming: 0 } },
    });
  });

  it('serves the OpenAPI document built from the DTOs', async () => {
    const doc = await service.raw().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/hcm/employees', '/v1/hcm/employees/{id}', '/v1/catalog/hiring-policy', '/v1/api-keys']));
    expect(doc.body.components.schemas.EmployeeDto.required).toEqual(expect.arrayContaining(['id', 'name', 'skills', 'updatedAt']));
    expect(doc.body.components.schemas.EmployeeBatchDto.properties.items.type).toBe('array');
  });

  // Last: it spends the key's budget for this minute.
  it('answers 429 with Retry-After once a key exceeds RATE_LIMIT_PER_MINUTE, counting per key', async () => {
    const key = await keyWithScopes(service, 'crm:write');
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await service.get('/v1/crm/accounts', key)).status);
    expect(statuses.slice(0, 40).every((status) => status === 200)).toBe(true);
    const limited = await service.get('/v1/crm/accounts', key).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    await service.get('/v1/crm/accounts').expect(200);
  });
});
