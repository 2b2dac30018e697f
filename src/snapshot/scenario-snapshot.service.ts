import { Injectable } from '@nestjs/common';
import type { Scenario } from '../../solver/types.js';
import { StoreTransactions } from '../database/store-transactions.js';
import { COLLECTIONS } from '../ingestion/collections.js';
import type { CollectionName } from '../ingestion/ingestion-routes.js';
import { RecordReader } from '../ingestion/shared/record-reader.service.js';

/** The collections that are arrays in a Scenario, in the contract's order. */
const LIST_COLLECTIONS: Exclude<CollectionName, 'hiringPolicy'>[] = [
  'employees', 'timeOff', 'assignments', 'holidayCalendars', 'accounts', 'opportunities',
  'leadForecasts', 'projectTypes', 'skills', 'rateCards', 'exchangeRates',
];

/**
 * Reads the whole store back as one canonical Scenario (DESIGN.md §3), as the solver takes it: every
 * collection sorted by key, deleted records left out, absent fields omitted. All reads run in one
 * consistent read so a snapshot never mixes two states of the store. Jobs call `load()` when accepted and
 * store the result as their input snapshot.
 */
@Injectable()
export class ScenarioSnapshotService {
  constructor(
    private readonly transactions: StoreTransactions,
    private readonly reader: RecordReader,
  ) {}

  async load(): Promise<Scenario> {
    return this.transactions.read(async (manager) => {
      const scenario: Record<string, unknown> = {};
      for (const name of LIST_COLLECTIONS) {
        scenario[name] = await this.reader.all(COLLECTIONS[name] as never, manager);
      }
      const [policy] = await this.reader.all(COLLECTIONS.hiringPolicy as never, manager);
      if (policy) scenario.hiringPolicy = policy;
      return scenario as Scenario;
    });
  }
}
