import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../common/validation.js';
import type { BatchResult, ItemError } from '../ingestion/ingestion-routes.js';
import { MAX_BATCH_ITEMS } from '../ingestion/ingestion-routes.js';
import type { CollectionSpec } from '../ingestion/shared/collection-spec.js';
import { IngestionService } from '../ingestion/shared/ingestion.service.js';
import { AppError } from '../common/app-error.js';
import type { FieldSources, MappedItem } from './vendor-fields.js';

/** What a vendor route answers: the batch result of the canonical PUT, plus deletes from webhook events. */
export interface VendorBatchResult extends BatchResult {
  deleted: number;
}

/** A collection as an adapter writes it: the engine's spec, the PUT's item DTO, and where fields come from. */
export interface VendorTarget<TRecord extends object> {
  spec: CollectionSpec<TRecord>;
  dto: new () => object;
  sources: FieldSources;
}

/**
 * The one path from mapped vendor records into the store. Each record is checked against the same DTO the
 * canonical PUT validates with (whitelist + forbidNonWhitelisted), then the valid ones go through
 * IngestionService.upsert: the same transaction, stale/updatedAt rules, tombstones and reference checks.
 * A vendor record that does not map or validate is reported in `errors` under the vendor's field name and
 * skipped, so one bad deal does not make the vendor retry the whole delivery forever.
 */
@Injectable()
export class VendorIngestService {
  constructor(private readonly ingestion: IngestionService) {}

  async ingest<TRecord extends object>(target: VendorTarget<TRecord>, mapped: MappedItem<TRecord>[]): Promise<VendorBatchResult> {
    if (mapped.length > MAX_BATCH_ITEMS) {
      throw new AppError('VALIDATION_FAILED', `at most ${MAX_BATCH_ITEMS} records per request`, [
        { field: '(body)', rule: 'arrayMaxSize', message: `at most ${MAX_BATCH_ITEMS} records per request` },
      ]);
    }
    const errors: ItemError[] = [];
    const accepted: MappedItem<TRecord>[] = [];
    for (const item of mapped) {
      const problems = item.record ? await contractProblems(target, item) : item.problems;
      if (problems.length > 0) errors.push(...problems);
      else accepted.push(item);
    }
    const result = await this.ingestion.upsert(target.spec, accepted.map((item) => item.record as TRecord));
    const engineErrors = result.errors.map((error) => inVendorTerms(error, accepted[error.index], target.sources));
    return { ...result, deleted: 0, errors: [...errors, ...engineErrors].sort(byIndex) };
  }
}

/** The canonical DTO's verdict on one mapped record, with field paths in the vendor's names. */
async function contractProblems<TRecord extends object>(target: VendorTarget<TRecord>, item: MappedItem<TRecord>): Promise<ItemError[]> {
  const instance = plainToInstance(target.dto, item.record);
  const failures = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  return flattenValidationErrors(failures).map((detail) => ({
    index: item.index,
    id: item.id,
    field: vendorPath(detail.field, target.sources),
    rule: detail.rule,
    message: `${vendorPath(detail.field, target.sources)} (${detail.field}): ${detail.message}`,
  }));
}

function inVendorTerms<TRecord>(error: ItemError, item: MappedItem<TRecord>, sources: FieldSources): ItemError {
  return { ...error, index: item.index, field: vendorPath(error.field, sources) };
}

/** `probability` → `Probability`; nested paths keep their tail (`roles[0].id` has no vendor source). */
function vendorPath(canonicalPath: string, sources: FieldSources): string {
  const head = /^[A-Za-z]+/.exec(canonicalPath)?.[0] ?? canonicalPath;
  const source = sources[head];
  return source ? source + canonicalPath.slice(head.length) : canonicalPath;
}

function byIndex(a: ItemError, b: ItemError): number {
  return a.index - b.index || a.field.localeCompare(b.field);
}
