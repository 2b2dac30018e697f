import { Injectable } from '@nestjs/common';
import type { Opportunity } from '../../solver/types.js';
import { AppError } from '../common/app-error.js';
import { OPPORTUNITIES } from '../ingestion/crm/crm.collections.js';
import type { ItemError } from '../ingestion/ingestion-routes.js';
import { IngestionService } from '../ingestion/shared/ingestion.service.js';
import { RecordReader } from '../ingestion/shared/record-reader.service.js';
import { mapHubspotDeal } from './hubspot.mapper.js';
import { isPlainObject, type MappedItem } from './vendor-fields.js';
import { VendorIngestService, type VendorBatchResult, type VendorTarget } from './vendor-ingest.service.js';

/**
 * HubSpot webhook subscriptions (`[{ eventId, subscriptionType, objectId, propertyName, propertyValue,
 * occurredAt }]`) on deals. An event carries one changed property, not the deal:
 * - `deal.propertyChange`: the changes of one deal (in occurredAt order) are applied to the stored
 *   opportunity through the deal mapper, as a new version with updatedAt = the latest occurredAt; so an
 *   event older than the stored version is stale like any other update. The deal must be stored already.
 * - `deal.deletion`: deletes the opportunity, with a tombstone at occurredAt.
 * - anything else (e.g. `deal.creation`, which carries no properties) is reported: send the deal object.
 */
export interface HubspotEvent {
  index: number;
  subscriptionType: string;
  objectId: string;
  occurredAt: number;
  propertyName?: string;
  propertyValue?: unknown;
}

/** A webhook delivery is an array of objects that all name a subscriptionType. */
export function isHubspotEventArray(body: unknown): body is unknown[] {
  return Array.isArray(body) && body.length > 0 && body.every((item) => isPlainObject(item) && typeof item.subscriptionType === 'string');
}

@Injectable()
export class HubspotDealEvents {
  constructor(
    private readonly vendorIngest: VendorIngestService,
    private readonly ingestion: IngestionService,
    private readonly reader: RecordReader,
  ) {}

  async apply(body: unknown[], target: VendorTarget<Opportunity>): Promise<VendorBatchResult> {
    const errors: ItemError[] = [];
    const events = body.map((raw, index) => readEvent(raw, index, errors)).filter((event): event is HubspotEvent => event !== null);
    const changes = events.filter((event) => event.subscriptionType === 'deal.propertyChange');
    const deletions = events.filter((event) => event.subscriptionType === 'deal.deletion');
    for (const event of events) if (!changes.includes(event) && !deletions.includes(event)) errors.push(unsupported(event));
    const mapped = await this.changedDeals(changes);
    const result = await this.vendorIngest.ingest(target, mapped);
    for (const deletion of deletions) {
      const outcome = await this.ingestion.delete(OPPORTUNITIES, deletion.objectId, new Date(deletion.occurredAt).toISOString());
      if (outcome.result === 'deleted') result.deleted++;
      else result[outcome.result]++;
    }
    return { ...result, errors: [...result.errors, ...errors].sort((a, b) => a.index - b.index) };
  }

  /** One new version per deal: its stored record with every changed property applied in time order. */
  private async changedDeals(changes: HubspotEvent[]): Promise<MappedItem<Opportunity>[]> {
    const byDeal = new Map<string, HubspotEvent[]>();
    for (const event of changes) byDeal.set(event.objectId, [...(byDeal.get(event.objectId) ?? []), event]);
    const mapped: MappedItem<Opportunity>[] = [];
    for (const [dealId, dealEvents] of [...byDeal].sort(([a], [b]) => a.localeCompare(b))) {
      const ordered = [...dealEvents].sort((a, b) => a.occurredAt - b.occurredAt || a.index - b.index);
      const last = ordered[ordered.length - 1];
      const stored = await this.storedOpportunity(dealId);
      if (!stored) {
        mapped.push({ index: last.index, id: dealId, problems: [unknownDeal(last)] });
        continue;
      }
      const properties: Record<string, unknown> = {};
      for (const event of ordered) if (event.propertyName) properties[event.propertyName] = event.propertyValue;
      properties.hs_lastmodifieddate = String(last.occurredAt);
      mapped.push(mapHubspotDeal({ id: dealId, properties }, last.index, stored));
    }
    return mapped;
  }

  private async storedOpportunity(id: string): Promise<Opportunity | null> {
    try {
      return await this.reader.get(OPPORTUNITIES, id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}

/** The last millisecond a four-digit-year ISO timestamp (what updatedAt stores) can name: 9999-12-31T23:59:59.999Z. */
const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * One event, or null with an item error. occurredAt (epoch ms) is checked here, before anything is
 * written: out of Date's range it would throw (500) when the timestamp is formatted, and a negative one
 * would be refused only after the other items were committed.
 */
function readEvent(raw: unknown, index: number, errors: ItemError[]): HubspotEvent | null {
  const event = raw as Record<string, unknown>;
  const objectId = typeof event.objectId === 'number' || typeof event.objectId === 'string' ? String(event.objectId) : '';
  const occurredAt = typeof event.occurredAt === 'number' ? event.occurredAt : Number.NaN;
  if (objectId === '' || !Number.isFinite(occurredAt)) {
    const field = objectId === '' ? 'objectId' : 'occurredAt';
    errors.push({ index, id: objectId || null, field, rule: 'required', message: `${field} is required (HubSpot webhook event)` });
    return null;
  }
  if (!Number.isInteger(occurredAt) || occurredAt < 0 || occurredAt > MAX_EPOCH_MS) {
    errors.push({
      index, id: objectId, field: 'occurredAt', rule: 'epochMillis',
      message: `occurredAt must be a whole number of milliseconds since 1970 (0 to ${MAX_EPOCH_MS})`,
    });
    return null;
  }
  return {
    index, objectId, occurredAt, subscriptionType: String(event.subscriptionType),
    propertyName: typeof event.propertyName === 'string' ? event.propertyName : undefined, propertyValue: event.propertyValue,
  };
}

function unsupported(event: HubspotEvent): ItemError {
  return {
    index: event.index, id: event.objectId, field: 'subscriptionType', rule: 'supportedEvent',
    message: `${event.subscriptionType} is not applied here: send the deal object (CRM API v3 shape) instead`,
  };
}

function unknownDeal(event: HubspotEvent): ItemError {
  return {
    index: event.index, id: event.objectId, field: 'objectId', rule: 'knownRecord',
    message: `deal ${event.objectId} is not stored yet: send the whole deal object before its property changes`,
  };
}
