import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { mapHubspotCompany, mapHubspotDeal } from '../../src/integrations/hubspot.mapper.js';
import { mapSalesforceAccount, mapSalesforceOpportunity } from '../../src/integrations/salesforce.mapper.js';
import { hubspotV3Signature, salesforceSignature, timestampProblem } from '../../src/integrations/signatures.js';

const SECRET = 'test-secret-0123456789abcdef';

describe('vendor signatures match an independent computation of each scheme', () => {
  it('HubSpot v3 signs method + decoded URI + body + timestamp, base64', () => {
    const body = '[{"objectId":1}]';
    const independent = createHmac('sha256', SECRET).update(`POSThttps://x.example/v1/integrations/hubspot/deals?a=b:c${body}1700000000000`).digest('base64');
    expect(hubspotV3Signature(SECRET, 'POST', 'https://x.example/v1/integrations/hubspot/deals?a=b%3Ac', body, '1700000000000')).toBe(independent);
  });

  it('the Salesforce relay signs timestamp.body, base64', () => {
    expect(salesforceSignature(SECRET, '{}', '17')).toBe(createHmac('sha256', SECRET).update('17.{}').digest('base64'));
  });

  it('refuses timestamps more than five minutes away, missing or not numeric', () => {
    const now = 1_700_000_000_000;
    expect(timestampProblem(String(now - 299_000), 1, now)).toBeNull();
    expect(timestampProblem(String(now - 301_000), 1, now)).toBe('expired');
    expect(timestampProblem(String(now / 1000 + 301), 1000, now)).toBe('expired');
    expect(timestampProblem(undefined, 1, now)).toBe('missing');
    expect(timestampProblem('yesterday', 1, now)).toBe('malformed');
  });
});

const sfOpportunity = {
  attributes: { type: 'Opportunity' }, Id: '006A', AccountId: '001A', Name: 'ERP rollout', StageName: 'Proposal/Price Quote',
  Probability: 75, CloseDate: '2027-03-31', Amount: 250000, CurrencyIsoCode: 'EUR', IsClosed: false, IsWon: false,
  LastModifiedDate: '2027-01-15T09:30:00.000+0000', Project_Type__c: 'sap-rollout', Expected_Start__c: '2027-04-12',
  Duration_Weeks__c: 12, Territory__c: 'DACH',
};

describe('Salesforce mapping', () => {
  it('maps every Opportunity field onto the contract', () => {
    expect(mapSalesforceOpportunity(sfOpportunity, 0)).toEqual({
      index: 0, id: '006A', problems: [],
      record: {
        id: '006A', accountId: '001A', name: 'ERP rollout', stage: 'Proposal/Price Quote', probability: 0.75,
        closeDate: '2027-03-31', expectedStart: '2027-04-12', durationWeeks: 12, projectType: 'sap-rollout', territory: 'DACH',
        amount: 250000, currency: 'EUR', status: 'open', updatedAt: '2027-01-15T09:30:00.000+00:00',
      },
    });
  });

  it('derives won/lost from IsClosed/IsWon and starts at CloseDate without Expected_Start__c', () => {
    const won = mapSalesforceOpportunity({ ...sfOpportunity, IsClosed: true, IsWon: true, Probability: null, Expected_Start__c: null }, 0);
    expect(won.record).toMatchObject({ status: 'won', probability: 1, expectedStart: '2027-03-31' });
    expect(mapSalesforceOpportunity({ ...sfOpportunity, IsClosed: true, IsWon: false }, 0).record?.status).toBe('lost');
  });

  it('names the Salesforce field of a missing or malformed value', () => {
    const mapped = mapSalesforceOpportunity({ ...sfOpportunity, CloseDate: 'soon', AccountId: undefined, Probability: 'high' }, 3);
    expect(mapped.record).toBeUndefined();
    expect(mapped.problems.map((p) => [p.index, p.field, p.rule]).sort()).toEqual([
      [3, 'AccountId', 'required'], [3, 'CloseDate', 'isIsoDate'], [3, 'Probability', 'isNumber'],
    ]);
  });

  it('maps Account fields', () => {
    const account = { Id: '001A', Name: 'Acme', Industry: 'Manufacturing', BillingCountry: 'DE', Type: 'Customer', NumberOfEmployees: 1200, LastModifiedDate: '2027-01-10T08:00:00.000Z' };
    expect(mapSalesforceAccount(account, 0).record).toEqual({
      id: '001A', name: 'Acme', industry: 'Manufacturing', region: 'DE', segment: 'Customer', employeeCount: 1200, updatedAt: '2027-01-10T08:00:00.000Z',
    });
  });
});

const hubspotDeal = {
  id: '9001',
  properties: {
    dealname: 'Data platform', dealstage: 'contractsent', amount: '120000.50', closedate: '2027-02-28T00:00:00.000Z',
    hs_deal_stage_probability: '0.6', pipeline: 'default', hs_lastmodifieddate: '2027-01-20T12:00:00.000Z', deal_currency_code: 'USD',
    staffplan_project_type: 'sap-rollout', staffplan_expected_start: '2027-03-15', staffplan_duration_weeks: '8',
    hs_is_closed: 'false', hs_is_closed_won: 'false',
  },
  associations: { companies: { results: [{ id: '77', type: 'deal_to_company_unlabeled' }, { id: '55', type: 'deal_to_company' }] } },
};

describe('HubSpot mapping', () => {
  it('maps every deal property onto the contract, taking the primary company association', () => {
    expect(mapHubspotDeal(hubspotDeal, 0).record).toEqual({
      id: '9001', accountId: '55', name: 'Data platform', stage: 'contractsent', probability: 0.6, closeDate: '2027-02-28',
      expectedStart: '2027-03-15', durationWeeks: 8, projectType: 'sap-rollout', amount: 120000.5, currency: 'USD',
      status: 'open', updatedAt: '2027-01-20T12:00:00.000Z',
    });
  });

  it('reads closed-won from hs_is_closed_won and epoch-millisecond dates', () => {
    const won = mapHubspotDeal({ ...hubspotDeal, properties: { ...hubspotDeal.properties, hs_is_closed: 'true', hs_is_closed_won: 'true', closedate: '1803859200000', hs_deal_stage_probability: '' } }, 0);
    expect(won.record).toMatchObject({ status: 'won', probability: 1, closeDate: '2027-03-01' });
  });

  it('names the HubSpot property of a missing value', () => {
    const { associations: _unused, ...withoutCompany } = hubspotDeal;
    const mapped = mapHubspotDeal({ ...withoutCompany, properties: { ...hubspotDeal.properties, dealname: '', hs_deal_stage_probability: undefined } }, 1);
    expect(mapped.problems.map((p) => p.field).sort()).toEqual(['associations.companies', 'properties.dealname', 'properties.hs_deal_stage_probability']);
  });

  it('maps company properties onto an account', () => {
    const company = { id: '55', properties: { name: 'Globex', industry: 'COMPUTER_SOFTWARE', country: 'US', type: 'CUSTOMER', numberofemployees: '800', hs_lastmodifieddate: '2027-01-05T00:00:00Z' } };
    expect(mapHubspotCompany(company, 0).record).toEqual({
      id: '55', name: 'Globex', industry: 'COMPUTER_SOFTWARE', region: 'US', segment: 'CUSTOMER', employeeCount: 800, updatedAt: '2027-01-05T00:00:00Z',
    });
  });
});
