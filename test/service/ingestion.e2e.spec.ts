import { describe, expect, it } from '@jest/globals';
import { STORES, serviceForBlock } from './harness.js';
import { sampleScenario } from './sample-scenario.js';

const T1 = '2027-01-01T10:00:00Z';
const T2 = '2027-01-02T10:00:00Z';
const T3 = '2027-01-03T10:00:00Z';

function employee(id: string, updatedAt: string, extra: Record<string, unknown> = {}) {
  return {
    id, name: `Person ${id}`, location: 'berlin', timeZone: 'Europe/Berlin', costRate: 50, currency: 'EUR',
    skills: [{ skill: 'java', level: 3 }], updatedAt, ...extra,
  };
}

describe.each(STORES)('batch ingestion semantics (%s)', (kind) => {
  const service = serviceForBlock(kind);

  it('creates a batch, then answers the same batch sent again with unchanged only', async () => {
    const batch = { items: [employee('dup-1', T1), employee('dup-2', T1)] };
    expect((await service.put('/v1/hcm/employees', batch).expect(200)).body).toEqual({ created: 2, updated: 0, unchanged: 0, stale: 0, errors: [] });
    expect((await service.put('/v1/hcm/employees', batch).expect(200)).body).toEqual({ created: 0, updated: 0, unchanged: 2, stale: 0, errors: [] });
  });

  it('treats the same record with another key order as unchanged', async () => {
    const reordered = Object.fromEntries(Object.entries(employee('dup-1', T1)).reverse());
    expect((await service.put('/v1/hcm/employees', { items: [reordered] })).body.unchanged).toBe(1);
  });

  it('applies a newer version and reports an older one as stale, in either arrival order', async () => {
    await service.put('/v1/hcm/employees', { items: [employee('ooo-a', T1, { name: 'old' })] }).expect(200);
    expect((await service.put('/v1/hcm/employees', { items: [employee('ooo-a', T2, { name: 'new' })] })).body.updated).toBe(1);
    await service.put('/v1/hcm/employees', { items: [employee('ooo-b', T2, { name: 'new' })] }).expect(200);
    expect((await service.put('/v1/hcm/employees', { items: [employee('ooo-b', T1, { name: 'old' })] })).body.stale).toBe(1);
    for (const id of ['ooo-a', 'ooo-b']) {
      expect((await service.get(`/v1/hcm/employees/${id}`).expect(200)).body).toMatchObject({ name: 'new', updatedAt: T2 });
    }
  });

  it('compares updatedAt as instants, whatever the offset', async () => {
    await service.put('/v1/hcm/employees', { items: [employee('tz-1', '2027-01-01T12:00:00+02:00')] }).expect(200);
    // 11:00Z is later than 12:00+02:00 (10:00Z).
    expect((await service.put('/v1/hcm/employees', { items: [employee('tz-1', '2027-01-01T11:00:00Z')] })).body.updated).toBe(1);
    expect((await service.put('/v1/hcm/employees', { items: [employee('tz-1', '2027-01-01T12:30:00+02:00')] })).body.stale).toBe(1);
  });

  it('keeps the latest updatedAt among duplicate ids of one batch', async () => {
    const body = { items: [employee('in-batch', T2, { name: 'second' }), employee('in-batch', T1, { name: 'first' }), employee('in-batch', T3, { name: 'third' })] };
    expect((await service.put('/v1/hcm/employees', body)).body).toMatchObject({ created: 1, updated: 1, stale: 1 });
    expect((await service.get('/v1/hcm/employees/in-batch')).body.name).toBe('third');
  });

  it('keeps the same one of two versions with the same updatedAt when the other is replayed', async () => {
    const a = employee('tie-x', T1, { name: 'A' });
    const b = employee('tie-x', T1, { name: 'B' });
    await service.put('/v1/hcm/employees', { items: [a, b] }).expect(200);
    const kept = (await service.get('/v1/hcm/employees/tie-x')).body.name;
    const [winner, loser] = kept === 'A' ? [a, b] : [b, a];
    expect((await service.put('/v1/hcm/employees', { items: [loser] })).body.stale).toBe(1);
    expect((await service.put('/v1/hcm/employees', { items: [winner] })).body.unchanged).toBe(1);
    expect((await service.get('/v1/hcm/employees/tie-x')).body.name).toBe(kept);
  });

  it('refuses an item referencing an unknown employee and applies the rest of the batch', async () => {
    await service.put('/v1/hcm/employees', { items: [employee('pto-owner', T1)] }).expect(200);
    const items = [
      { id: 'pto-ok', employeeId: 'pto-owner', start: '2027-03-01', end: '2027-03-02', status: 'approved', updatedAt: T1 },
      { id: 'pto-bad', employeeId: 'nobody', start: '2027-03-01', end: '2027-03-02', status: 'approved', updatedAt: T1 },
    ];
    const response = await service.put('/v1/hcm/time-off', { items }).expect(200);
    expect(response.body).toEqual({
      created: 1, updated: 0, unchanged: 0, stale: 0,
      errors: [{ index: 1, id: 'pto-bad', field: 'employeeId', rule: 'knownEmployee', message: expect.stringContaining('nobody') }],
    });
    await service.get('/v1/hcm/time-off/pto-bad').expect(404);
    await service.get('/v1/hcm/time-off/pto-ok').expect(200);
  });

  it('stores nothing of a batch with one structurally invalid item', async () => {
    const response = await service
      .put('/v1/hcm/employees', { items: [employee('atomic-ok', T1), employee('atomic-bad', T1, { costRate: -1 })] })
      .expect(400);
    expect(response.body.error.details).toEqual([{ field: 'items[1].costRate', rule: 'min', message: expect.any(String) }]);
    await service.get('/v1/hcm/employees/atomic-ok').expect(404);
  });

  it('keeps a deleted record deleted against an older replay, and lets a newer version re-create it', async () => {
    await service.put('/v1/hcm/employees', { items: [employee('del-1', T1)] }).expect(200);
    expect((await service.del(`/v1/hcm/employees/del-1?updatedAt=${T2}`).expect(200)).body).toEqual({ id: 'del-1', result: 'deleted' });
    await service.get('/v1/hcm/employees/del-1').expect(404);
    expect((await service.put('/v1/hcm/employees', { items: [employee('del-1', T1)] })).body.stale).toBe(1);
    await service.get('/v1/hcm/employees/del-1').expect(404);
    expect((await service.del(`/v1/hcm/employees/del-1?updatedAt=${T1}`)).body.result).toBe('unchanged');
    expect((await service.put('/v1/hcm/employees', { items: [employee('del-1', T3)] })).body.created).toBe(1);
    await service.get('/v1/hcm/employees/del-1').expect(200);
  });

  it('ignores a delete older than the stored version, and remembers a delete that arrives before its record', async () => {
    await service.put('/v1/hcm/employees', { items: [employee('del-2', T2)] }).expect(200);
    expect((await service.del(`/v1/hcm/employees/del-2?updatedAt=${T1}`)).body.result).toBe('stale');
    await service.get('/v1/hcm/employees/del-2').expect(200);
    expect((await service.del(`/v1/crm/accounts/early?updatedAt=${T2}`)).body.result).toBe('deleted');
    expect((await service.put('/v1/crm/accounts', { items: [{ id: 'early', name: 'Early', updatedAt: T1 }] })).body.stale).toBe(1);
  });

  it('refuses time off for a deleted employee', async () => {
    await service.put('/v1/hcm/employees', { items: [employee('gone', T1)] }).expect(200);
    await service.del(`/v1/hcm/employees/gone?updatedAt=${T2}`).expect(200);
    const items = [{ id: 'pto-gone', employeeId: 'gone', start: '2027-03-01', end: '2027-03-01', status: 'approved', updatedAt: T1 }];
    expect((await service.put('/v1/hcm/time-off', { items })).body.errors[0].rule).toBe('knownEmployee');
  });

  it('refuses an opportunity without (non-empty) roles whose project type is unknown, or one with neither', async () => {
    const base = { accountId: 'a', name: 'Deal', stage: 's', probability: 0.5, closeDate: '2027-01-01', expectedStart: '2027-02-01', status: 'open', updatedAt: T1 };
    const response = await service.put('/v1/crm/opportunities', {
      items: [{ ...base, id: 'o-unknown-type', projectType: 'nope' }, { ...base, id: 'o-no-source' }, { ...base, id: 'o-roles', roles: [] }],
    });
    expect(response.body.created).toBe(0);
    expect(response.body.errors.map((e: { id: string; rule: string }) => [e.id, e.rule])).toEqual([
      ['o-unknown-type', 'knownProjectType'],
      ['o-no-source', 'roleSource'],
      ['o-roles', 'roleSource'],
    ]);
  });

  it('refuses explicit roles without a duration on the role, the opportunity or a known project type', async () => {
    const base = { accountId: 'a', name: 'Deal', stage: 's', probability: 0.5, closeDate: '2027-01-01', expectedStart: '2027-02-01', status: 'open', updatedAt: T1 };
    await service.put('/v1/catalog/project-types', { items: [{ code: 'pt-dur', name: 'D', durationWeeks: 6, roles: [{ skill: 'java', minLevel: 2, hoursPerWeek: 10 }] }] }).expect(200);
    const role = (id: string, extra = {}) => ({ id, skill: 'java', minLevel: 2, hoursPerWeek: 20, ...extra });
    const response = await service.put('/v1/crm/opportunities', {
      items: [
        { ...base, id: 'd-none', roles: [role('d-none-1', { durationWeeks: 4 }), role('d-none-2')] },
        { ...base, id: 'd-unknown-type', projectType: 'nope', roles: [role('d-unknown-1')] },
        { ...base, id: 'd-role', roles: [role('d-role-1', { durationWeeks: 4 })] },
        { ...base, id: 'd-opp', durationWeeks: 3, roles: [role('d-opp-1')] },
        { ...base, id: 'd-type', projectType: 'pt-dur', roles: [role('d-type-1')] },
      ],
    });
    expect(response.body.created).toBe(3);
    expect(response.body.errors.map((e: { id: string; field: string; rule: string }) => [e.id, e.field, e.rule])).toEqual([
      ['d-none', 'roles[1].durationWeeks', 'durationSource'],
      ['d-unknown-type', 'roles[0].durationWeeks', 'durationSource'],
    ]);
  });

  it('accepts a lost deal without roles or project type: lost work is never expanded', async () => {
    const lost = { id: 'o-lost', accountId: 'a', name: 'Deal', stage: 'lost', probability: 0, closeDate: '2027-01-01', expectedStart: '2027-02-01', status: 'lost', updatedAt: T1 };
    expect((await service.put('/v1/crm/opportunities', { items: [lost] })).body).toMatchObject({ created: 1, errors: [] });
  });

  it('refuses to delete a project type a live opportunity still uses (409), and allows it once none does', async () => {
    const base = { accountId: 'a', name: 'Deal', stage: 's', probability: 0.5, closeDate: '2027-01-01', expectedStart: '2027-02-01', status: 'open', updatedAt: T1 };
    await service.put('/v1/catalog/project-types', { items: [{ code: 'pt-used', name: 'U', durationWeeks: 4, roles: [{ skill: 'java', minLevel: 2, hoursPerWeek: 40 }] }] }).expect(200);
    await service.put('/v1/crm/opportunities', { items: [{ ...base, id: 'uses-pt', projectType: 'pt-used' }] }).expect(200);
    const refused = await service.del('/v1/catalog/project-types/pt-used').expect(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.message).toContain('uses-pt');
    expect((await service.get('/v1/catalog/project-types/pt-used').expect(200)).body.code).toBe('pt-used');
    await service.put('/v1/crm/opportunities', { items: [{ ...base, id: 'uses-pt', projectType: 'pt-used', status: 'lost', updatedAt: T2 }] }).expect(200);
    expect((await service.del('/v1/catalog/project-types/pt-used').expect(200)).body.result).toBe('deleted');
  });

  it('refuses a role id that another opportunity already holds', async () => {
    const base = { accountId: 'a', name: 'Deal', stage: 's', probability: 0.5, closeDate: '2027-01-01', expectedStart: '2027-02-01', status: 'open', updatedAt: T1 };
    const role = { id: 'shared-role', skill: 'java', minLevel: 2, hoursPerWeek: 20, durationWeeks: 4 };
    await service.put('/v1/crm/opportunities', { items: [{ ...base, id: 'owner', roles: [role] }] }).expect(200);
    const response = await service.put('/v1/crm/opportunities', { items: [{ ...base, id: 'thief', roles: [role] }] }).expect(200);
    expect(response.body.errors).toEqual([{ index: 0, id: 'thief', field: 'roles[0].id', rule: 'uniqueRoleId', message: expect.stringContaining('owner') }]);
    // Once the owner drops the role (newer version), another opportunity may use the id.
    const moved = await service.put('/v1/crm/opportunities', { items: [{ ...base, id: 'owner', roles: [{ ...role, id: 'owner-role' }], updatedAt: T2 }, { ...base, id: 'thief', roles: [role] }] });
    expect(moved.body).toMatchObject({ created: 1, updated: 1, errors: [] });
  });

  it('replaces a catalog entry whole and reports an identical one as unchanged', async () => {
    const type = { code: 'pt-x', name: 'X', durationWeeks: 4, roles: [{ skill: 'java', minLevel: 2, hoursPerWeek: 40 }, { skill: 'sap', minLevel: 3, hoursPerWeek: 20 }] };
    expect((await service.put('/v1/catalog/project-types', { items: [type] })).body.created).toBe(1);
    expect((await service.put('/v1/catalog/project-types', { items: [type] })).body.unchanged).toBe(1);
    const smaller = { ...type, roles: [type.roles[1]] };
    expect((await service.put('/v1/catalog/project-types', { items: [smaller] })).body.updated).toBe(1);
    expect((await service.get('/v1/catalog/project-types/pt-x')).body.roles).toEqual([{ skill: 'sap', minLevel: 3, hoursPerWeek: 20 }]);
    expect((await service.del('/v1/catalog/project-types/pt-x').expect(200)).body.result).toBe('deleted');
    const missing = await service.del('/v1/catalog/project-types/pt-x').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});

describe.each(STORES)('every collection endpoint (%s)', (kind) => {
  const service = serviceForBlock(kind);
  const scenario = sampleScenario();

  const collections: [string, string, keyof typeof scenario, string][] = [
    ['/v1/catalog/skills', 'java', 'skills', 'code'],
    ['/v1/hcm/holiday-calendars', 'de-be', 'holidayCalendars', 'code'],
    ['/v1/catalog/project-types', 'sap-rollout', 'projectTypes', 'code'],
    ['/v1/catalog/rate-cards', 'java:3:EUR', 'rateCards', 'skill'],
    ['/v1/catalog/exchange-rates', 'GBP', 'exchangeRates', 'currency'],
    ['/v1/hcm/employees', 'emp-2', 'employees', 'id'],
    ['/v1/hcm/time-off', 'pto-2', 'timeOff', 'id'],
    ['/v1/hcm/assignments', 'asg-1', 'assignments', 'id'],
    ['/v1/crm/accounts', 'acc-1', 'accounts', 'id'],
    ['/v1/crm/opportunities', 'opp-2', 'opportunities', 'id'],
    ['/v1/mas/lead-forecasts', 'lf-1', 'leadForecasts', 'id'],
  ];

  it.each(collections)('PUT, GET one, list and DELETE %s', async (path, key, name) => {
    const items = scenario[name] as object[];
    const put = await service.put(path, { items }).expect(200);
    expect(put.body).toMatchObject({ created: items.length, errors: [] });
    const one = await service.get(`${path}/${encodeURIComponent(key)}`).expect(200);
    expect(items).toContainEqual(one.body);
    const list = await service.get(`${path}?limit=1&offset=0`).expect(200);
    expect(list.body).toMatchObject({ total: items.length, limit: 1, offset: 0 });
    expect(list.body.items).toHaveLength(1);
    // Source records are deleted as of a source time (after the sample's updatedAt); catalog entries at once.
    const deletedAt = '2030-01-01T00:00:00Z';
    expect((await service.del(`${path}/${encodeURIComponent(key)}?updatedAt=${deletedAt}`).expect(200)).body.result).toBe('deleted');
    await service.get(`${path}/${encodeURIComponent(key)}`).expect(404);
    // A version newer than the deletion brings the record back.
    const again = items.map((item) => ('updatedAt' in item ? { ...item, updatedAt: '2031-01-01T00:00:00Z' } : item));
    expect((await service.put(path, { items: again }).expect(200)).body.created).toBe(1);
  });

  it('PUT, GET and DELETE the single hiring policy', async () => {
    expect((await service.put('/v1/catalog/hiring-policy', scenario.hiringPolicy).expect(200)).body.created).toBe(1);
    expect((await service.get('/v1/catalog/hiring-policy').expect(200)).body).toEqual(scenario.hiringPolicy);
    await service.del('/v1/catalog/hiring-policy').expect(200);
    await service.get('/v1/catalog/hiring-policy').expect(404);
  });

  it('filters employees by location and by skill with a minimum level', async () => {
    const ids = async (query: string) => (await service.get(`/v1/hcm/employees?${query}`).expect(200)).body.items.map((e: { id: string }) => e.id);
    expect(await ids('location=london')).toEqual(['emp-2']);
    expect(await ids('skill=java')).toEqual(['emp-1', 'emp-2']);
    expect(await ids('skill=java&minLevel=4')).toEqual(['emp-2']);
    expect(await ids('skill=sap&location=berlin')).toEqual(['emp-1']);
  });

  it('filters opportunities by status and probability, time off by employee and status', async () => {
    const ids = async (path: string) => (await service.get(path).expect(200)).body.items.map((e: { id: string }) => e.id);
    expect(await ids('/v1/crm/opportunities?status=open')).toEqual(['opp-1']);
    expect(await ids('/v1/crm/opportunities?minProbability=0.5')).toEqual(['opp-1', 'opp-2']);
    expect(await ids('/v1/hcm/time-off?employeeId=emp-2&status=requested')).toEqual(['pto-2']);
    const cards = (await service.get('/v1/catalog/rate-cards?skill=java&currency=GBP')).body.items;
    expect(cards).toEqual([{ billRate: 150, currency: 'GBP', level: 4, skill: 'java' }]);
  });

  it('refuses an unknown list filter with 400', async () => {
    const response = await service.get('/v1/hcm/employees?colour=blue').expect(400);
    expect(response.body.error.details[0]).toMatchObject({ field: 'colour', rule: 'unknownField' });
  });
});
