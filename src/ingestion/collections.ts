import { EXCHANGE_RATES, HIRING_POLICY, PROJECT_TYPES, RATE_CARDS, SKILLS } from './catalog/catalog.collections.js';
import { ACCOUNTS, OPPORTUNITIES } from './crm/crm.collections.js';
import { ASSIGNMENTS, EMPLOYEES, HOLIDAY_CALENDARS, TIME_OFF } from './hcm/hcm.collections.js';
import type { CollectionName } from './ingestion-routes.js';
import { LEAD_FORECASTS } from './mas/mas.collections.js';
import type { AnyCollectionSpec } from './shared/collection-spec.js';

/** Every collection of the data contract, by its scenario name. */
export const COLLECTIONS: Record<CollectionName, AnyCollectionSpec> = {
  employees: EMPLOYEES,
  timeOff: TIME_OFF,
  assignments: ASSIGNMENTS,
  holidayCalendars: HOLIDAY_CALENDARS,
  accounts: ACCOUNTS,
  opportunities: OPPORTUNITIES,
  leadForecasts: LEAD_FORECASTS,
  projectTypes: PROJECT_TYPES,
  skills: SKILLS,
  rateCards: RATE_CARDS,
  exchangeRates: EXCHANGE_RATES,
  hiringPolicy: HIRING_POLICY,
};
