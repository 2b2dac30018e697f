import { describe, expect, it } from '@jest/globals';
import { STORES, serviceForBlock } from './harness.js';
import { sampleScenario } from './sample-scenario.js';

const scenario = sampleScenario();
const employee = scenario.employees![0];
const timeOff = scenario.timeOff![0];
const assignment = scenario.assignments![0];
const opportunity = scenario.opportunities![1];
const forecast = scenario.leadForecasts![0];

/** [rule, path, item sent, field reported, rule reported] */
const RULES: [string, string, object, string, string][] = [
  ['end on or after start (time off)', '/v1/hcm/time-off', { ...timeOff, end: '2027-02-28' }, 'items[0].end', 'onOrAfter'],
  ['rollOffDate on or after start', '/v1/hcm/assignments', { ...assignment, rollOffDate: '2026-11-01' }, 'items[0].rollOffDate', 'onOrAfter'],
  ['endDate on or after startDate', '/v1/hcm/employees', { ...employee, startDate: '2027-01-02', endDate: '2027-01-01' }, 'items[0].endDate', 'onOrAfter'],
  ['probability at most 1', '/v1/crm/opportunities', { ...opportunity, probability: 1.2 }, 'items[0].probability', 'max'],
  ['probability at least 0', '/v1/crm/opportunities', { ...opportunity, probability: -0.1 }, 'items[0].probability', 'min'],
  ['skill level at most 5', '/v1/hcm/employees', { ...employee, skills: [{ skill: 'java', level: 6 }] }, 'items[0].skills[0].level', 'max'],
  ['skill level at least 1', '/v1/hcm/employees', { ...employee, skills: [{ skill: 'java', level: 0 }] }, 'items[0].skills[0].level', 'min'],
  ['skill level an integer', '/v1/hcm/employees', { ...employee, skills: [{ skill: 'java', level: 2.5 }] }, 'items[0].skills[0].level', 'isInt'],
  ['role minLevel 1-5', '/v1/crm/opportunities', { ...opportunity, roles: [{ ...opportunity.roles![0], minLevel: 9 }] }, 'items[0].roles[0].minLevel', 'max'],
  ['an IANA time zone', '/v1/hcm/employees', { ...employee, timeZone: 'CET' }, 'items[0].timeZone', 'isIanaTimeZone'],
  ['an ISO 4217 currency', '/v1/hcm/employees', { ...employee, currency: 'EURO' }, 'items[0].currency', 'isIsoCurrency'],
  ['an upper-case currency', '/v1/catalog/rate-cards', { skill: 'java', level: 3, billRate: 100, currency: 'eur' }, 'items[0].currency', 'isIsoCurrency'],
  ['working days 1-7', '/v1/hcm/employees', { ...employee, workingDays: [0, 1] }, 'items[0].workingDays', 'min'],
  ['working days unique', '/v1/hcm/employees', { ...employee, workingDays: [1, 1, 2] }, 'items[0].workingDays', 'arrayUnique'],
  ['skills unique per employee', '/v1/hcm/employees', { ...employee, skills: [{ skill: 'java', level: 1 }, { skill: 'java', level: 2 }] }, 'items[0].skills', 'uniqueBy'],
  ['role ids unique per opportunity', '/v1/crm/opportunities', { ...opportunity, roles: [opportunity.roles![0], opportunity.roles![0]] }, 'items[0].roles', 'uniqueBy'],
  ['a real calendar date', '/v1/hcm/time-off', { ...timeOff, start: '2027-02-30' }, 'items[0].start', 'isIsoDate'],
  ['updatedAt with an offset', '/v1/hcm/time-off', { ...timeOff, updatedAt: '2027-01-01T10:00:00' }, 'items[0].updatedAt', 'isSourceTimestamp'],
  ['a known time-off status', '/v1/hcm/time-off', { ...timeOff, status: 'pending' }, 'items[0].status', 'isIn'],
  ['a known opportunity status', '/v1/crm/opportunities', { ...opportunity, status: 'maybe' }, 'items[0].status', 'isIn'],
  ['a month YYYY-MM for lead forecasts', '/v1/mas/lead-forecasts', { ...forecast, period: '2027-13' }, 'items[0].period', 'isYearMonth'],
  ['rates in [0, 1] for lead forecasts', '/v1/mas/lead-forecasts', { ...forecast, winRate: 2 }, 'items[0].winRate', 'max'],
  ['a positive exchange rate', '/v1/catalog/exchange-rates', { currency: 'EUR', rateToBase: 0, asOf: '2027-01-01' }, 'items[0].rateToBase', 'greaterThan'],
  ['no unknown field', '/v1/hcm/employees', { ...employee, salary: 1 }, 'items[0].salary', 'unknownField'],
  ['no unknown nested field', '/v1/hcm/employees', { ...employee, skills: [{ skill: 'java', level: 3, years: 4 }] }, 'items[0].skills[0].years', 'unknownField'],
  ['a number, not a numeric string', '/v1/hcm/employees', { ...employee, costRate: '50' }, 'items[0].costRate', 'isNumber'],
  ['a required field', '/v1/hcm/assignments', { ...assignment, projectId: undefined }, 'items[0].projectId', 'isString'],
  ['no NUL character', '/v1/crm/accounts', { id: 'a\u0000b', name: 'x', updatedAt: '2027-01-01T00:00:00Z' }, 'items[0].id', 'matches'],
  ['ids within their column size', '/v1/crm/accounts', { id: 'x'.repeat(201), name: 'x', updatedAt: '2027-01-01T00:00:00Z' }, 'items[0].id', 'maxLength'],
];

describe.each(STORES)('validation of ingested records (%s)', (kind) => {
  const service = serviceForBlock(kind);

  it.each(RULES)('requires %s: 400 naming the field and rule', async (_rule, path, item, field, rule) => {
    const response = await service.put(path, { items: [item] }).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toContainEqual({ field, rule, message: expect.any(String) });
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it('requires an items array in a batch body', async () => {
    const bare = await service.put('/v1/crm/accounts', [{ id: 'a', name: 'x', updatedAt: '2027-01-01T00:00:00Z' }]).expect(400);
    expect(bare.body.error.code).toBe('VALIDATION_FAILED');
    const missing = await service.put('/v1/crm/accounts', {}).expect(400);
    expect(missing.body.error.details).toContainEqual({ field: 'items', rule: 'isArray', message: expect.any(String) });
  });

  it('refuses more than 1000 items in one batch', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => ({ id: `a${i}`, name: 'x', updatedAt: '2027-01-01T00:00:00Z' }));
    const response = await service.put('/v1/crm/accounts', { items }).expect(400);
    expect(response.body.error.details).toContainEqual({ field: 'items', rule: 'arrayMaxSize', message: expect.any(String) });
  });

  it('refuses a non-JSON body with 400 INVALID_JSON', async () => {
    const response = await service.put('/v1/crm/accounts', '{"items": [').set('content-type', 'application/json').expect(400);
    expect(response.body).toEqual({ error: { code: 'INVALID_JSON', message: expect.any(String), details: [] }, requestId: expect.any(String) });
  });

  it('refuses a delete with a malformed updatedAt', async () => {
    const response = await service.del('/v1/crm/accounts/a?updatedAt=yesterday').expect(400);
    expect(response.body.error.details[0]).toMatchObject({ field: 'updatedAt', rule: 'isSourceTimestamp' });
  });
});
