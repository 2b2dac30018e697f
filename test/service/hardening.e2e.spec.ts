import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Controller, Get, HttpException, Logger, Module, NotAcceptableException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { AllExceptionsFilter } from '../../src/common/all-exceptions.filter.js';
import { assignRequestId } from '../../src/common/request-id.js';
import { ADMIN_KEY, STORES, keyWithScopes, serviceForBlock } from './harness.js';
import { sampleScenario } from './sample-scenario.js';

const employee = sampleScenario().employees![0];
const pinnedRow = { employeeId: 'emp-1', lineId: 'opp-1#1', week: '2027-01-04', hours: 8 };
/** The one error body every failure answers with. */
const ERROR_BODY = { error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) }, requestId: expect.any(String) };

describe.each(STORES)('hardened request checks (%s)', (kind) => {
  const service = serviceForBlock(kind);

  it('refuses an array where a batch item must be an object: 400 naming items and isObject', async () => {
    for (const items of [[[]], [[employee]]]) {
      const response = await service.put('/v1/hcm/employees', { items }).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details).toContainEqual({ field: 'items', rule: 'isObject', message: expect.any(String) });
    }
    const stored = await service.get('/v1/hcm/employees').expect(200);
    expect(JSON.stringify(stored.body)).not.toContain(employee.id);
  });

  it('refuses an array where a pinned assignment must be an object: 400 naming pinned', async () => {
    const planner = await keyWithScopes(service, 'plans:write');
    const body = { horizon: { from: '2027-01-04', weeks: 4 }, pinned: [[pinnedRow]] };
    const response = await service.post('/v1/staffing-plans', body, planner).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toContainEqual({ field: 'pinned', rule: 'isObject', message: expect.any(String) });
  });

  it('answers 400 noControlCharacters, not 500, for a NUL byte in a path id', async () => {
    const response = await service.get('/v1/hcm/employees/%00').expect(400);
    expect(response.body).toEqual(ERROR_BODY);
    expect(response.body.error.details).toContainEqual({ field: 'id', rule: 'noControlCharacters', message: expect.any(String) });
  });

  it('answers 400 maxLength for a path id longer than any stored id (250 characters)', async () => {
    const response = await service.del(`/v1/hcm/employees/${'x'.repeat(250)}`).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toContainEqual({ field: 'id', rule: 'maxLength', message: expect.any(String) });
  });

  it('answers 400 for a control character in a query value', async () => {
    const response = await service.get('/v1/hcm/employees?location=%01').expect(400);
    expect(response.body.error.details).toContainEqual({ field: 'location', rule: 'noControlCharacters', message: expect.any(String) });
  });

  it('answers an XML body on a JSON route with the error body, never a 500', async () => {
    const response = await service
      .put('/v1/hcm/employees', '<items><employee/></items>')
      .set('content-type', 'application/xml')
      .expect(400);
    expect(response.body).toEqual(ERROR_BODY);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps the body parser 415 for an unsupported charset or encoding, with the error body', async () => {
    const charset = await service.put('/v1/hcm/employees', '{"items":[]}').set('content-type', 'application/json; charset=latin1').expect(415);
    expect(charset.body).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String), details: [] }, requestId: expect.any(String) });
    const encoding = await service.put('/v1/hcm/employees', '{"items":[]}').set('content-type', 'application/json').set('content-encoding', 'x-unknown').expect(415);
    expect(encoding.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown route 404 with the error body', async () => {
    const response = await service.get('/v1/no-such-route').expect(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), details: [] }, requestId: expect.any(String) });
  });
});

/**
 * No route of the service raises a framework 4xx outside the error table (406, 408, 416, …), so a
 * controller of this test raises them through the real filter and request-id middleware.
 */
@Controller('framework')
class FrameworkErrorsController {
  @Get('not-acceptable')
  notAcceptable(): never {
    throw new NotAcceptableException('only application/json is offered');
  }

  @Get('teapot')
  teapot(): never {
    throw new HttpException('a status the table has never heard of', 418);
  }

  @Get('bad-gateway')
  badGateway(): never {
    throw new HttpException('upstream said something private', 502);
  }
}

@Module({ controllers: [FrameworkErrorsController] })
class FrameworkErrorsModule {}

describe('framework errors outside the error table', () => {
  let app: NestExpressApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function startApp(): Promise<NestExpressApplication> {
    app = await NestFactory.create<NestExpressApplication>(FrameworkErrorsModule, { logger: false });
    app.use(assignRequestId);
    app.useGlobalFilters(new AllExceptionsFilter());
    await app.init();
    return app;
  }

  it('keeps a 406 or a 418 as its own status under CLIENT_ERROR, with the error body and the framework message', async () => {
    const server = (await startApp()).getHttpServer();
    const notAcceptable = await request(server).get('/framework/not-acceptable').expect(406);
    expect(notAcceptable.body).toEqual({ error: { code: 'CLIENT_ERROR', message: 'only application/json is offered', details: [] }, requestId: expect.any(String) });
    const teapot = await request(server).get('/framework/teapot').expect(418);
    expect(teapot.body.error).toEqual({ code: 'CLIENT_ERROR', message: 'a status the table has never heard of', details: [] });
  });

  it('turns any framework 5xx into 500 INTERNAL without its message', async () => {
    const server = (await startApp()).getHttpServer();
    const response = await request(server).get('/framework/bad-gateway').expect(500);
    expect(response.body.error).toEqual({ code: 'INTERNAL', message: 'internal error', details: [] });
  });
});

describe.each(STORES)('the seeded admin key after a revocation (%s)', (kind) => {
  const service = serviceForBlock(kind);

  it('stays revoked across a restart on the same store, and the seeder says so', async () => {
    const adminId = ADMIN_KEY.split('_')[1];
    const revoked = await service.del(`/v1/api-keys/${adminId}`).expect(200);
    expect(revoked.body).toMatchObject({ id: adminId, revokedAt: expect.any(String) });
    await service.get('/v1/api-keys').expect(401);

    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await service.restart();
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings).toContainEqual(expect.stringContaining(`revoked at ${revoked.body.revokedAt} and stays revoked`));
    } finally {
      warn.mockRestore();
    }
    const afterRestart = await service.get('/v1/api-keys').expect(401);
    expect(afterRestart.body.error.code).toBe('UNAUTHENTICATED');
    // Seeding once more (as every start does) reports the revocation instead of lifting it.
    const seeded = await service.app.get(ApiKeyService).seed(ADMIN_KEY, 'admin (STAFFPLAN_ADMIN_KEY)', ['admin']);
    expect(seeded).toEqual({ revokedAt: revoked.body.revokedAt });
    await service.get('/v1/crm/accounts').expect(401);
  });
});
