import type { Account, Opportunity } from '../../solver/types.js';
import { finish, isPlainObject, notAnObject, requirePresent, VendorFieldReader, type FieldSources, type MappedItem } from './vendor-fields.js';

/**
 * Salesforce Opportunity and Account records (REST API shape: `{ records: [...] }` of a query, or a plain
 * array) onto the contract. Pure functions; the custom fields are the ones the firm's org defines.
 *
 * | contract        | Salesforce Opportunity                                            |
 * |-----------------|-------------------------------------------------------------------|
 * | id              | Id                                                                |
 * | accountId       | AccountId                                                         |
 * | name            | Name                                                              |
 * | stage           | StageName                                                         |
 * | probability     | Probability (percent 0-100) ÷ 100; won → 1, lost → 0 when absent  |
 * | closeDate       | CloseDate                                                         |
 * | expectedStart   | Expected_Start__c, else CloseDate (work starts when the deal closes) |
 * | durationWeeks   | Duration_Weeks__c                                                 |
 * | projectType     | Project_Type__c                                                   |
 * | territory       | Territory__c                                                      |
 * | amount          | Amount                                                            |
 * | currency        | CurrencyIsoCode (multi-currency orgs)                             |
 * | status          | IsClosed && IsWon → won; IsClosed → lost; else open               |
 * | updatedAt       | LastModifiedDate (`+0000` offsets accepted)                       |
 */
export const SALESFORCE_OPPORTUNITY_SOURCES: FieldSources = {
  id: 'Id', accountId: 'AccountId', name: 'Name', stage: 'StageName', probability: 'Probability', closeDate: 'CloseDate',
  expectedStart: 'Expected_Start__c', durationWeeks: 'Duration_Weeks__c', projectType: 'Project_Type__c',
  territory: 'Territory__c', amount: 'Amount', currency: 'CurrencyIsoCode', status: 'IsClosed', updatedAt: 'LastModifiedDate',
};

/**
 * | contract      | Salesforce Account  |
 * |---------------|---------------------|
 * | id            | Id                  |
 * | name          | Name                |
 * | industry      | Industry            |
 * | region        | BillingCountry      |
 * | segment       | Type                |
 * | employeeCount | NumberOfEmployees   |
 * | updatedAt     | LastModifiedDate    |
 */
export const SALESFORCE_ACCOUNT_SOURCES: FieldSources = {
  id: 'Id', name: 'Name', industry: 'Industry', region: 'BillingCountry', segment: 'Type',
  employeeCount: 'NumberOfEmployees', updatedAt: 'LastModifiedDate',
};

/** The records of a Salesforce payload: a query result `{ records }` or an array. */
export function salesforceRecords(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (isPlainObject(body) && Array.isArray(body.records)) return body.records;
  return null;
}

export function mapSalesforceOpportunity(raw: unknown, index: number): MappedItem<Opportunity> {
  if (!isPlainObject(raw)) return notAnObject(index);
  const fields = new VendorFieldReader(raw);
  const id = fields.text('Id');
  const status = opportunityStatus(fields);
  const closeDate = fields.date('CloseDate');
  const record = {
    id, accountId: fields.text('AccountId'), name: fields.text('Name'), stage: fields.text('StageName'),
    probability: winProbability(fields, status), closeDate,
    expectedStart: fields.date('Expected_Start__c') ?? closeDate,
    durationWeeks: fields.number('Duration_Weeks__c'), projectType: fields.text('Project_Type__c'),
    territory: fields.text('Territory__c'), amount: fields.number('Amount'), currency: fields.text('CurrencyIsoCode'),
    status, updatedAt: fields.timestamp('LastModifiedDate'),
  };
  requirePresent(fields, record, SALESFORCE_OPPORTUNITY_SOURCES, ['id', 'accountId', 'name', 'stage', 'closeDate', 'updatedAt']);
  return finish(index, id ?? null, fields, record as Opportunity);
}

export function mapSalesforceAccount(raw: unknown, index: number): MappedItem<Account> {
  if (!isPlainObject(raw)) return notAnObject(index);
  const fields = new VendorFieldReader(raw);
  const id = fields.text('Id');
  const record = {
    id, name: fields.text('Name'), industry: fields.text('Industry'), region: fields.text('BillingCountry'),
    segment: fields.text('Type'), employeeCount: fields.number('NumberOfEmployees'), updatedAt: fields.timestamp('LastModifiedDate'),
  };
  requirePresent(fields, record, SALESFORCE_ACCOUNT_SOURCES, ['id', 'name', 'updatedAt']);
  return finish(index, id ?? null, fields, record as Account);
}

/** Salesforce marks the outcome with IsClosed/IsWon, whatever the org calls its stages. */
function opportunityStatus(fields: VendorFieldReader): Opportunity['status'] {
  const closed = fields.boolean('IsClosed') ?? false;
  const won = fields.boolean('IsWon') ?? false;
  if (closed && won) return 'won';
  return closed ? 'lost' : 'open';
}

/** Probability is a percentage in Salesforce; a closed deal without one is certain either way. */
function winProbability(fields: VendorFieldReader, status: Opportunity['status']): number | undefined {
  const percent = fields.number('Probability');
  if (percent !== undefined) return percent / 100;
  if (status !== 'open') return status === 'won' ? 1 : 0;
  if (!fields.has('Probability')) fields.require('Probability');
  return undefined;
}
