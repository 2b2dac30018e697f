import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createStore, startService, type TestService, type TestStore } from '../service/harness.js';

/**
 * The vendor adapters against the real app on SQLite. Every signature is computed here with node:crypto,
 * straight from each vendor's spec, not with the service's own signing helpers.
 */
const HUBSPOT_SECRET = 'hubspot-app-secret-0123456789';
const SALESFORCE_SECRET = 'salesforce-relay-secret-0123456789';
const PUBLIC_URL = 'https://staffplan.example.com';
const FIVE_MINUTES_MS = 5 * 60 * 1000;

function hubspotHeaders(path: string, body: string, timestamp = Date.now()): Record<string, string> {
  const source = `POST${PUBLIC_URL}${path}${body}${timestamp}`;
  return {
    'content-type': 'application/json',
    'x-hubspot-request-timestamp': String(timestamp),
    'x-hubspot-signature-v3': createHmac('sha256', HUBSPOT_SECRET).update(source, 'utf8').digest('base64'),
  };
}

function salesforceHeaders(body: string, timestamp = Date.now(), secret = SALESFORCE_SECRET): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-salesforce-timestamp': String(timestamp),
    'x-salesforce-signature': createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('base64'),
  };
}

function sfOpportunity(overrides: Record<string, unknown> = {}) {
  return {
    attributes: { type: 'Opportunity' }, Id: '006SF1', AccountId: '001SF1', Name: 'ERP rollout', StageName: 'Negotiation/Review',
    Probability: 80, CloseDate: '2027-03-31', Amount: 250000, CurrencyIsoCode: 'EUR', IsClosed: false, IsWon: false,
    LastModifiedDate: '2027-01-15T09:30:00.000+0000', Project_Type__c: 'sap-rollout', Expected_Start__c: '2027-04-12',
    Duration_Weeks__c: 12, ...overrides,
  };
}

function hubspotDeal(id: string, properties: Record<string, string> = {}) {
  return {
    id,
    properties: {
      dealname: 'Data platform', dealstage: 'contractsent', amount: '90000', closedate: '2027-02-28T00:00:00.000Z',
      hs_deal_stage_probability: '0.6', pipeline: 'default', hs_lastmodifieddate: '2027-01-20T12:00:00.000Z',
      deal_currency_code: 'USD', staffplan_project_type: 'sap-rollout', staffplan_expected_start: '2027-03-15',
      hs_is_closed: 'false', hs_is_closed_won: 'false', ...properties,
    },
    associations: { companies: { results: [{ id: '55', type: 'deal_to_company' }] } },
  };
}

describe('vendor adapters (sqlite)', () => {
  let store: TestStore;
  let service: TestService;

  const postSalesforce = (path: string, payload: unknown, timestamp?: number) => {
    const body = JSON.stringify(payload);
    return service.raw().post(path).set(salesforceHeaders(body, timestamp)).send(body);
  };
  const postHubspot = (path: string, payload: unknown, timestamp?: number) => {
    const body = JSON.stringify(payload);
    return service.raw().post(path).set(hubspotHeaders(path, body, timestamp)).send(body);
  };

  beforeAll(async () => {
    store = await createStore('sqlite');
    service = await startService(store, {
      HUBSPOT_APP_SECRET: HUBSPOT_SECRET, SALESFORCE_WEBHOOK_SECRET: SALESFORCE_SECRET, INTEGRATIONS_PUBLIC_URL: PUBLIC_URL,
    });
    await service.put('/v1/catalog/project-types', {
      items: [{ code: 'sap-rollout', name: 'SAP rollout', durationWeeks: 10, roles: [{ skill: 'sap', minLevel: 3, hoursPerWeek: 40, headcount: 1, startOffsetWeeks: 0, durationWeeks: 10 }] }],
    }).expect(200);
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('stores a signed Salesforce opportunity, readable as the canonical record via GET /v1/crm/opportunities/{id}', async () => {
    const response = await postSalesforce('/v1/integrations/salesforce/opportunities', { totalSize: 1, done: true, records: [sfOpportunity()] }).expect(200);
    expect(response.body).toEqual({ created: 1, updated: 0, unchanged: 0, stale: 0, deleted: 0, errors: [] });
    const stored = await service.get('/v1/crm/opportunities/006SF1').expect(200);
    expect(stored.body).toEqual({
      id: '006SF1', accountId: '001SF1', name: 'ERP rollout', stage: 'Negotiation/Review', probability: 0.8, closeDate: '2027-03-31',
      expectedStart: '2027-04-12', durationWeeks: 12, projectType: 'sap-rollout', amount: 250000, currency: 'EUR', status: 'open',
      updatedAt: '2027-01-15T09:30:00.000+00:00',
    });
  });

  it('ignores a Salesforce update older than LastModifiedDate of the stored version and applies a newer one', async () => {
    const older = sfOpportunity({ StageName: 'Prospecting', Probability: 10, LastModifiedDate: '2027-01-10T00:00:00.000+0000' });
    expect((await postSalesforce('/v1/integrations/salesforce/opportunities', [older]).expect(200)).body).toMatchObject({ stale: 1, created: 0, updated: 0 });
    expect((await service.get('/v1/crm/opportunities/006SF1').expect(200)).body.stage).toBe('Negotiation/Review');
    const won = sfOpportunity({ StageName: 'Closed Won', IsClosed: true, IsWon: true, Probability: 100, LastModifiedDate: '2027-02-01T08:00:00.000+0000' });
    expect((await postSalesforce('/v1/integrations/salesforce/opportunities', [won]).expect(200)).body).toMatchObject({ updated: 1 });
    expect((await service.get('/v1/crm/opportunities/006SF1').expect(200)).body).toMatchObject({ status: 'won', probability: 1, stage: 'Closed Won' });
  });

  it('answers the same Salesforce delivery twice with unchanged', async () => {
    const account = { Id: '001SF1', Name: 'Acme GmbH', Industry: 'Manufacturing', BillingCountry: 'DE', NumberOfEmployees: 1200, LastModifiedDate: '2027-01-05T10:00:00.000+0000' };
    expect((await postSalesforce('/v1/integrations/salesforce/accounts', [account]).expect(200)).body.created).toBe(1);
    expect((await postSalesforce('/v1/integrations/salesforce/accounts', [account]).expect(200)).body.unchanged).toBe(1);
    expect((await service.get('/v1/crm/accounts/001SF1').expect(200)).body).toEqual({
      id: '001SF1', name: 'Acme GmbH', industry: 'Manufacturing', region: 'DE', employeeCount: 1200, updatedAt: '2027-01-05T10:00:00.000+00:00',
    });
  });

  it('reports records that do not map or validate under their Salesforce field names and applies the others', async () => {
    const records = [
      sfOpportunity({ Id: '006BAD1', CloseDate: 'end of Q1' }),
      sfOpportunity({ Id: '006BAD2', CurrencyIsoCode: 'XXY' }),
      sfOpportunity({ Id: '006BAD3', Project_Type__c: 'unknown-type' }),
      sfOpportunity({ Id: '006GOOD' }),
    ];
    const body = (await postSalesforce('/v1/integrations/salesforce/opportunities', records).expect(200)).body;
    expect(body.created).toBe(1);
    expect(body.errors.map((e: { index: number; id: string; field: string; rule: string }) => [e.index, e.id, e.field, e.rule])).toEqual([
      [0, '006BAD1', 'CloseDate', 'isIsoDate'],
      [1, '006BAD2', 'CurrencyIsoCode', 'isIsoCurrency'],
      [2, '006BAD3', 'Project_Type__c', 'knownProjectType'],
    ]);
    await service.get('/v1/crm/opportunities/006BAD3').expect(404);
    await service.get('/v1/crm/opportunities/006GOOD').expect(200);
  });

  it('refuses a wrong, missing or replayed signature with 401 and the error body, storing nothing', async () => {
    const body = JSON.stringify([sfOpportunity({ Id: '006EVIL' })]);
    const path = '/v1/integrations/salesforce/opportunities';
    const wrong = await service.raw().post(path).set(salesforceHeaders(body, Date.now(), 'another-secret-0123456789')).send(body).expect(401);
    expect(wrong.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: [{ field: 'x-salesforce-signature', rule: 'signature' }] });
    const replay = await service.raw().post(path).set(salesforceHeaders(body, Date.now() - FIVE_MINUTES_MS - 10_000)).send(body).expect(401);
    expect(replay.body.error.details[0]).toMatchObject({ field: 'x-salesforce-timestamp', rule: 'timestamp' });
    const tampered = salesforceHeaders(body);
    await service.raw().post(path).set(tampered).send(body.replace('006EVIL', '006EVIL2')).expect(401);
    await service.post(path, JSON.parse(body)).expect(401);
    await service.get('/v1/crm/opportunities/006EVIL').expect(404);
  });

  it('stores signed HubSpot deals and companies, readable via the CRM API', async () => {
    const companies = { results: [{ id: '55', properties: { name: 'Globex', industry: 'COMPUTER_SOFTWARE', country: 'US', numberofemployees: '800', hs_lastmodifieddate: '2027-01-05T00:00:00.000Z' } }] };
    expect((await postHubspot('/v1/integrations/hubspot/companies', companies).expect(200)).body.created).toBe(1);
    expect((await postHubspot('/v1/integrations/hubspot/deals', [hubspotDeal('9001')]).expect(200)).body).toEqual({
      created: 1, updated: 0, unchanged: 0, stale: 0, deleted: 0, errors: [],
    });
    expect((await service.get('/v1/crm/opportunities/9001').expect(200)).body).toEqual({
      id: '9001', accountId: '55', name: 'Data platform', stage: 'contractsent', probability: 0.6, closeDate: '2027-02-28',
      expectedStart: '2027-03-15', projectType: 'sap-rollout', amount: 90000, currency: 'USD', status: 'open', updatedAt: '2027-01-20T12:00:00.000Z',
    });
    expect((await service.get('/v1/crm/accounts/55').expect(200)).body).toMatchObject({ name: 'Globex', region: 'US', employeeCount: 800 });
  });

  it('signs HubSpot v3 over the full called URL: a query string changes the signature', async () => {
    const path = '/v1/integrations/hubspot/deals';
    const body = JSON.stringify([hubspotDeal('9002')]);
    await service.raw().post(`${path}?portal=1`).set(hubspotHeaders(path, body)).send(body).expect(401);
    await service.raw().post(`${path}?portal=1`).set(hubspotHeaders(`${path}?portal=1`, body)).send(body).expect(200);
    const old = Date.now() - FIVE_MINUTES_MS - 1_000;
    await service.raw().post(path).set(hubspotHeaders(path, body, old)).send(body).expect(401);
  });

  it('applies HubSpot property-change events as new versions and ignores an event older than the stored one', async () => {
    const path = '/v1/integrations/hubspot/deals';
    const changedAt = Date.parse('2027-01-25T09:00:00.000Z');
    const events = [
      { eventId: 1, subscriptionType: 'deal.propertyChange', objectId: 9001, propertyName: 'dealstage', propertyValue: 'closedwon', occurredAt: changedAt },
      { eventId: 2, subscriptionType: 'deal.propertyChange', objectId: 9001, propertyName: 'hs_is_closed_won', propertyValue: 'true', occurredAt: changedAt },
      { eventId: 3, subscriptionType: 'deal.creation', objectId: 9100, occurredAt: changedAt },
    ];
    const body = (await postHubspot(path, events).expect(200)).body;
    expect(body).toMatchObject({ updated: 1, errors: [{ index: 2, field: 'subscriptionType', rule: 'supportedEvent' }] });
    expect((await service.get('/v1/crm/opportunities/9001').expect(200)).body).toMatchObject({
      stage: 'closedwon', status: 'won', amount: 90000, updatedAt: '2027-01-25T09:00:00.000Z',
    });
    const late = [{ eventId: 4, subscriptionType: 'deal.propertyChange', objectId: 9001, propertyName: 'amount', propertyValue: '1', occurredAt: Date.parse('2027-01-22T00:00:00Z') }];
    expect((await postHubspot(path, late).expect(200)).body).toMatchObject({ stale: 1, updated: 0 });
    expect((await service.get('/v1/crm/opportunities/9001').expect(200)).body.amount).toBe(90000);
  });

  it('deletes an opportunity on a HubSpot deletion event, and an older deal replay stays deleted', async () => {
    const path = '/v1/integrations/hubspot/deals';
    const deletion = [{ eventId: 5, subscriptionType: 'deal.deletion', objectId: 9001, occurredAt: Date.parse('2027-02-01T00:00:00Z') }];
    expect((await postHubspot(path, deletion).expect(200)).body).toMatchObject({ deleted: 1 });
    await service.get('/v1/crm/opportunities/9001').expect(404);
    expect((await postHubspot(path, [hubspotDeal('9001')]).expect(200)).body).toMatchObject({ stale: 1, created: 0 });
  });

  it.each([
    ['beyond what a timestamp can hold', 1e20, 9300],
    ['before 1970', -1000, 9301],
    ['not whole milliseconds', 1.5, 9302],
  ])('reports an event whose occurredAt is %s as an item error and writes nothing for it', async (_case, occurredAt, dealId) => {
    const path = '/v1/integrations/hubspot/deals';
    expect((await postHubspot(path, [hubspotDeal(String(dealId))]).expect(200)).body.created).toBe(1);
    const events = [
      { eventId: 10, subscriptionType: 'deal.propertyChange', objectId: dealId, propertyName: 'amount', propertyValue: '5', occurredAt },
      { eventId: 11, subscriptionType: 'deal.deletion', objectId: dealId, occurredAt },
    ];
    const body = (await postHubspot(path, events).expect(200)).body;
    expect(body).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(body.errors).toEqual([
      { index: 0, id: String(dealId), field: 'occurredAt', rule: 'epochMillis', message: expect.any(String) },
      { index: 1, id: String(dealId), field: 'occurredAt', rule: 'epochMillis', message: expect.any(String) },
    ]);
    expect((await service.get(`/v1/crm/opportunities/${dealId}`).expect(200)).body.amount).toBe(90000);
  });

  it('refuses a body that is not a list of vendor records with 400', async () => {
    const response = await postSalesforce('/v1/integrations/salesforce/opportunities', { Id: 'x' }).expect(400);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: '(body)', rule: 'vendorShape' }] });
  });
});

describe('an unconfigured vendor (sqlite)', () => {
  let store: TestStore;
  let service: TestService;

  beforeAll(async () => {
    store = await createStore('sqlite');
    service = await startService(store, { HUBSPOT_APP_SECRET: HUBSPOT_SECRET });
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('answers 404 on the routes of a vendor without a secret', async () => {
    const body = JSON.stringify([sfOpportunity()]);
    const response = await service.raw().post('/v1/integrations/salesforce/opportunities').set(salesforceHeaders(body)).send(body).expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});
