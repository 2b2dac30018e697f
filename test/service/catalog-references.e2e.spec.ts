import { describe, expect, it } from '@jest/globals';
import type { Opportunity } from '../../solver/types.js';
import { PROJECT_TYPES } from '../../src/ingestion/catalog/catalog.collections.js';
import { OPPORTUNITIES } from '../../src/ingestion/crm/crm.collections.js';
import type { CollectionSpec } from '../../src/ingestion/shared/collection-spec.js';
import { IngestionService, ingestionLockOf } from '../../src/ingestion/shared/ingestion.service.js';
import { serviceForBlock } from './harness.js';

const PROJECT_TYPE = { code: 'pt-race', name: 'Race rollout', durationWeeks: 8, roles: [{ skill: 'java', minLevel: 2, hoursPerWeek: 40 }] };
const OPPORTUNITY = {
  id: 'opp-race', accountId: 'acc-race', name: 'Deal on pt-race', status: 'open', stage: 'proposal', probability: 0.5,
  closeDate: '2027-02-15', expectedStart: '2027-03-01', projectType: 'pt-race', updatedAt: '2027-01-06T12:00:00Z',
};

/** Resolves after `ms` with 'pending' unless the promise settled first (then with its outcome). */
function settledWithin<T>(promise: Promise<T>, ms: number): Promise<'pending' | 'settled'> {
  return Promise.race([promise.then(() => 'settled' as const, () => 'settled' as const), new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

describe('project type deletes and opportunity upserts never leave a dangling reference (PostgreSQL)', () => {
  const service = serviceForBlock('postgres');

  it('takes one shared lock for the two collections that check each other, and per-collection locks elsewhere', () => {
    expect(ingestionLockOf('projectTypes')).toBe(ingestionLockOf('opportunities'));
    expect(ingestionLockOf('employees')).toBe('employees');
    expect(ingestionLockOf('employees')).not.toBe(ingestionLockOf('opportunities'));
  });

  it('makes a concurrent project type delete wait for the opportunity upsert that checked it, then refuses it (409)', async () => {
    await service.put('/v1/catalog/project-types', { items: [PROJECT_TYPE] }).expect(200);
    const ingestion = service.app.get(IngestionService);
    let releaseUpsert!: () => void;
    let upserting!: ReturnType<IngestionService['upsert']>;
    const upsertChecked = new Promise<void>((resolve) => {
      const gate = new Promise<void>((open) => (releaseUpsert = open));
      // The opportunity batch has seen its project type and holds its transaction open before writing.
      const pausedAfterCheck: CollectionSpec<Opportunity> = {
        ...(OPPORTUNITIES as unknown as CollectionSpec<Opportunity>),
        references: async (manager, records) => {
          const checker = await OPPORTUNITIES.references!(manager, records);
          resolve();
          await gate;
          return checker;
        },
      };
      upserting = ingestion.upsert(pausedAfterCheck, [OPPORTUNITY]);
    });
    await upsertChecked;
    const deleting = ingestion.delete(PROJECT_TYPES as never, 'pt-race');
    expect(await settledWithin(deleting, 300)).toBe('pending');
    releaseUpsert();
    expect(await upserting).toMatchObject({ created: 1, errors: [] });
    await expect(deleting).rejects.toMatchObject({ code: 'CONFLICT' });
    await service.get('/v1/crm/opportunities/opp-race').expect(200);
    expect((await service.get('/v1/catalog/project-types/pt-race').expect(200)).body.code).toBe('pt-race');
  });
});
