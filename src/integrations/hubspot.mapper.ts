import type { Account, Opportunity } from '../../solver/types.js';
import { finish, isPlainObject, notAnObject, requirePresent, VendorFieldReader, type FieldSources, type MappedItem } from './vendor-fields.js';

/**
 * HubSpot deal and company objects (CRM API v3 shape `{ id, properties: {...}, associations? }`, in an array
 * or a `{ results: [...] }` batch-read answer) onto the contract. Pure functions. HubSpot sends every
 * property as text; dates as ISO text or epoch ms. The three `staffplan_*` properties are custom deal
 * properties the firm creates in HubSpot (internal names as below).
 *
 * | contract      | HubSpot deal                                                                      |
 * |---------------|-----------------------------------------------------------------------------------|
 * | id            | id (hs_object_id)                                                                 |
 * | accountId     | associations.companies.results[] (type deal_to_company first), else properties.associatedcompanyid |
 * | name          | properties.dealname                                                               |
 * | stage         | properties.dealstage                                                              |
 * | probability   | properties.hs_deal_stage_probability (0-1); won → 1, lost → 0 when absent         |
 * | closeDate     | properties.closedate (date part, UTC)                                             |
 * | expectedStart | properties.staffplan_expected_start, else closedate                               |
 * | durationWeeks | properties.staffplan_duration_weeks                                               |
 * | projectType   | properties.staffplan_project_type                                                 |
 * | amount        | properties.amount                                                                 |
 * | currency      | properties.deal_currency_code                                                     |
 * | status        | hs_is_closed_won → won; hs_is_closed → lost; else dealstage closedwon/closedlost; else open |
 * | updatedAt     | properties.hs_lastmodifieddate, else updatedAt                                    |
 * `pipeline` is not mapped: status comes from HubSpot's calculated closed/won flags, which hold for any pipeline.
 */
export const HUBSPOT_DEAL_SOURCES: FieldSources = {
  id: 'id', accountId: 'associations.companies', name: 'properties.dealname', stage: 'properties.dealstage',
  probability: 'properties.hs_deal_stage_probability', closeDate: 'properties.closedate',
  expectedStart: 'properties.staffplan_expected_start', durationWeeks: 'properties.staffplan_duration_weeks',
  projectType: 'properties.staffplan_project_type', amount: 'properties.amount', currency: 'properties.deal_currency_code',
  status: 'properties.dealstage', updatedAt: 'properties.hs_lastmodifieddate',
};

/**
 * | contract      | HubSpot company                  |
 * |---------------|----------------------------------|
 * | id            | id                               |
 * | name          | properties.name                  |
 * | industry      | properties.industry              |
 * | region        | properties.country               |
 * | segment       | properties.type                  |
 * | employeeCount | properties.numberofemployees     |
 * | updatedAt     | properties.hs_lastmodifieddate, else updatedAt |
 */
export const HUBSPOT_COMPANY_SOURCES: FieldSources = {
  id: 'id', name: 'properties.name', industry: 'properties.industry', region: 'properties.country',
  segment: 'properties.type', employeeCount: 'properties.numberofemployees', updatedAt: 'properties.hs_lastmodifieddate',
};

/** The objects of a HubSpot payload: a `{ results }` batch answer or an array. */
export function hubspotObjects(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (isPlainObject(body) && Array.isArray(body.results)) return body.results;
  return null;
}

/**
 * Maps a deal. With `base` (the stored opportunity), properties the deal does not carry keep the base's
 * values: that is how a webhook property change becomes a whole new version of the opportunity.
 */
export function mapHubspotDeal(raw: unknown, index: number, base?: Opportunity): MappedItem<Opportunity> {
  if (!isPlainObject(raw)) return notAnObject(index);
  const top = new VendorFieldReader(raw);
  const props = new VendorFieldReader(isPlainObject(raw.properties) ? raw.properties : {}, 'properties.');
  const id = top.text('id') ?? base?.id;
  const status = dealStatus(props) ?? base?.status ?? 'open';
  const closeDate = props.date('closedate') ?? base?.closeDate;
  const record = {
    id, accountId: primaryCompanyId(raw, props) ?? base?.accountId, name: props.text('dealname') ?? base?.name,
    stage: props.text('dealstage') ?? base?.stage,
    probability: dealProbability(props, status, base), closeDate,
    expectedStart: props.date('staffplan_expected_start') ?? base?.expectedStart ?? closeDate,
    durationWeeks: props.number('staffplan_duration_weeks') ?? base?.durationWeeks,
    projectType: props.text('staffplan_project_type') ?? base?.projectType, territory: base?.territory,
    amount: props.number('amount') ?? base?.amount, currency: props.text('deal_currency_code') ?? base?.currency,
    roles: base?.roles, status, updatedAt: props.timestamp('hs_lastmodifieddate') ?? top.timestamp('updatedAt'),
  };
  top.problems.push(...props.problems);
  requirePresent(top, record, HUBSPOT_DEAL_SOURCES, ['id', 'accountId', 'name', 'stage', 'closeDate', 'updatedAt']);
  return finish(index, id ?? null, top, record as Opportunity);
}

export function mapHubspotCompany(raw: unknown, index: number): MappedItem<Account> {
  if (!isPlainObject(raw)) return notAnObject(index);
  const top = new VendorFieldReader(raw);
  const props = new VendorFieldReader(isPlainObject(raw.properties) ? raw.properties : {}, 'properties.');
  const id = top.text('id');
  const record = {
    id, name: props.text('name'), industry: props.text('industry'), region: props.text('country'), segment: props.text('type'),
    employeeCount: props.number('numberofemployees'), updatedAt: props.timestamp('hs_lastmodifieddate') ?? top.timestamp('updatedAt'),
  };
  top.problems.push(...props.problems);
  requirePresent(top, record, HUBSPOT_COMPANY_SOURCES, ['id', 'name', 'updatedAt']);
  return finish(index, id ?? null, top, record as Account);
}

/** HubSpot's calculated flags hold for every pipeline; the default pipeline's stage ids are the fallback. */
function dealStatus(props: VendorFieldReader): Opportunity['status'] | undefined {
  if (props.boolean('hs_is_closed_won')) return 'won';
  if (props.boolean('hs_is_closed')) return 'lost';
  const stage = props.text('dealstage');
  if (stage === 'closedwon') return 'won';
  if (stage === 'closedlost') return 'lost';
  return stage === undefined && !props.has('hs_is_closed') ? undefined : 'open';
}

function dealProbability(props: VendorFieldReader, status: Opportunity['status'], base?: Opportunity): number | undefined {
  const probability = props.number('hs_deal_stage_probability') ?? base?.probability;
  if (probability !== undefined) return probability;
  if (status !== 'open') return status === 'won' ? 1 : 0;
  if (!props.has('hs_deal_stage_probability')) props.require('hs_deal_stage_probability');
  return undefined;
}

/** The deal's company: the primary association (deal_to_company) of a v3 object, else the first one. */
function primaryCompanyId(raw: Record<string, unknown>, props: VendorFieldReader): string | undefined {
  const companies = isPlainObject(raw.associations) && isPlainObject(raw.associations.companies) ? raw.associations.companies.results : undefined;
  if (Array.isArray(companies)) {
    const links = companies.filter(isPlainObject);
    const primary = links.find((link) => link.type === 'deal_to_company') ?? links[0];
    if (primary && (typeof primary.id === 'string' || typeof primary.id === 'number')) return String(primary.id);
  }
  return props.text('associatedcompanyid');
}
