import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Account, Opportunity } from '../../solver/types.js';
import { AppError } from '../common/app-error.js';
import { ACCOUNTS, OPPORTUNITIES } from '../ingestion/crm/crm.collections.js';
import { AccountDto, OpportunityDto } from '../ingestion/crm/crm.dto.js';
import { BatchResultDto } from '../ingestion/shared/batch.dto.js';
import { HubspotDealEvents, isHubspotEventArray } from './hubspot-events.js';
import { HUBSPOT_COMPANY_SOURCES, HUBSPOT_DEAL_SOURCES, hubspotObjects, mapHubspotCompany, mapHubspotDeal } from './hubspot.mapper.js';
import {
  mapSalesforceAccount,
  mapSalesforceOpportunity,
  SALESFORCE_ACCOUNT_SOURCES,
  SALESFORCE_OPPORTUNITY_SOURCES,
  salesforceRecords,
} from './salesforce.mapper.js';
import type { MappedItem } from './vendor-fields.js';
import { VendorIngestService, type VendorBatchResult, type VendorTarget } from './vendor-ingest.service.js';
import { VendorSigned } from './vendor-signature.guard.js';

const HUBSPOT_DEALS: VendorTarget<Opportunity> = { spec: OPPORTUNITIES, dto: OpportunityDto, sources: HUBSPOT_DEAL_SOURCES };
const HUBSPOT_COMPANIES: VendorTarget<Account> = { spec: ACCOUNTS, dto: AccountDto, sources: HUBSPOT_COMPANY_SOURCES };
const SALESFORCE_OPPORTUNITIES: VendorTarget<Opportunity> = { spec: OPPORTUNITIES, dto: OpportunityDto, sources: SALESFORCE_OPPORTUNITY_SOURCES };
const SALESFORCE_ACCOUNTS: VendorTarget<Account> = { spec: ACCOUNTS, dto: AccountDto, sources: SALESFORCE_ACCOUNT_SOURCES };

const VENDOR_RESULT = 'The batch result of the canonical PUT (`created, updated, unchanged, stale, errors`) plus `deleted` ' +
  '(webhook deletion events). A record that does not map is listed in `errors` under its vendor field name and skipped.';

/**
 * Vendor adapters (DESIGN.md §4): vendor shapes are mapped onto the contract by the pure `*.mapper.ts`
 * functions and then take exactly the path of the canonical PUT. Authenticated by the vendor's signature.
 */
@ApiTags('integrations')
@Controller('v1/integrations')
export class IntegrationsController {
  constructor(
    private readonly vendorIngest: VendorIngestService,
    private readonly hubspotEvents: HubspotDealEvents,
  ) {}

  @Post('hubspot/deals')
  @HttpCode(200)
  @VendorSigned('hubspot')
  @ApiOperation({ summary: 'HubSpot deals (objects, a batch-read answer, or webhook events) → opportunities', description: VENDOR_RESULT })
  @ApiBody({ schema: { oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'object', properties: { results: { type: 'array' } } }] } })
  @ApiOkResponse({ type: BatchResultDto })
  hubspotDeals(@Body() body: unknown): Promise<VendorBatchResult> {
    if (isHubspotEventArray(body)) return this.hubspotEvents.apply(body, HUBSPOT_DEALS);
    return this.vendorIngest.ingest(HUBSPOT_DEALS, mapAll(hubspotObjects(body), mapHubspotDeal, 'an array of HubSpot deals or { results: [...] }'));
  }

  @Post('hubspot/companies')
  @HttpCode(200)
  @VendorSigned('hubspot')
  @ApiOperation({ summary: 'HubSpot companies (objects or a batch-read answer) → accounts', description: VENDOR_RESULT })
  @ApiOkResponse({ type: BatchResultDto })
  hubspotCompanies(@Body() body: unknown): Promise<VendorBatchResult> {
    return this.vendorIngest.ingest(HUBSPOT_COMPANIES, mapAll(hubspotObjects(body), mapHubspotCompany, 'an array of HubSpot companies or { results: [...] }'));
  }

  @Post('salesforce/opportunities')
  @HttpCode(200)
  @VendorSigned('salesforce')
  @ApiOperation({ summary: 'Salesforce Opportunity records → opportunities', description: VENDOR_RESULT })
  @ApiOkResponse({ type: BatchResultDto })
  salesforceOpportunities(@Body() body: unknown): Promise<VendorBatchResult> {
    return this.vendorIngest.ingest(SALESFORCE_OPPORTUNITIES, mapAll(salesforceRecords(body), mapSalesforceOpportunity, 'an array of Opportunity records or { records: [...] }'));
  }

  @Post('salesforce/accounts')
  @HttpCode(200)
  @VendorSigned('salesforce')
  @ApiOperation({ summary: 'Salesforce Account records → accounts', description: VENDOR_RESULT })
  @ApiOkResponse({ type: BatchResultDto })
  salesforceAccounts(@Body() body: unknown): Promise<VendorBatchResult> {
    return this.vendorIngest.ingest(SALESFORCE_ACCOUNTS, mapAll(salesforceRecords(body), mapSalesforceAccount, 'an array of Account records or { records: [...] }'));
  }
}

/** Maps every vendor record; a body that holds no list of records at all is a 400 for the whole request. */
function mapAll<T>(records: unknown[] | null, mapper: (raw: unknown, index: number) => MappedItem<T>, expected: string): MappedItem<T>[] {
  if (records === null) {
    throw new AppError('VALIDATION_FAILED', `the body must be ${expected}`, [{ field: '(body)', rule: 'vendorShape', message: `the body must be ${expected}` }]);
  }
  return records.map((raw, index) => mapper(raw, index));
}
