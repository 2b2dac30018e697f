/**
 * Where each scenario collection (DESIGN.md §3) is ingested over HTTP (DESIGN.md §4).
 * Plain data, no framework import: the CLI `load` command and the NestJS controllers share it.
 * The order is the order a full load must follow: the catalog first (opportunities check their project
 * type), employees before the time off and assignments that reference them.
 */
export const INGESTION_ROUTES = [
  { collection: 'skills', path: '/v1/catalog/skills' },
  { collection: 'holidayCalendars', path: '/v1/hcm/holiday-calendars' },
  { collection: 'projectTypes', path: '/v1/catalog/project-types' },
  { collection: 'rateCards', path: '/v1/catalog/rate-cards' },
  { collection: 'exchangeRates', path: '/v1/catalog/exchange-rates' },
  { collection: 'hiringPolicy', path: '/v1/catalog/hiring-policy' },
  { collection: 'employees', path: '/v1/hcm/employees' },
  { collection: 'timeOff', path: '/v1/hcm/time-off' },
  { collection: 'assignments', path: '/v1/hcm/assignments' },
  { collection: 'accounts', path: '/v1/crm/accounts' },
  { collection: 'opportunities', path: '/v1/crm/opportunities' },
  { collection: 'leadForecasts', path: '/v1/mas/lead-forecasts' },
] as const;

export type CollectionName = (typeof INGESTION_ROUTES)[number]['collection'];

/** The counts every batch upsert answers with. */
export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  stale: number;
}

export interface ItemError {
  index: number;
  id: string | null;
  field: string;
  rule: string;
  message: string;
}

export interface BatchResult extends BatchCounts {
  errors: ItemError[];
}

/** The largest batch one PUT accepts; the CLI splits bigger collections into batches of this size. */
export const MAX_BATCH_ITEMS = 1000;
