import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Account, Opportunity } from '../../../solver/types.js';
import { Scopes } from '../../auth/scopes.decorator.js';
import type { BatchResult } from '../ingestion-routes.js';
import { IngestionService, type DeleteResult } from '../shared/ingestion.service.js';
import type { Page } from '../shared/page-query.dto.js';
import { RecordReader } from '../shared/record-reader.service.js';
import { DocumentDelete, DocumentGet, DocumentList, DocumentUpsert } from '../shared/route-docs.js';
import { ACCOUNTS, OPPORTUNITIES } from './crm.collections.js';
import { AccountBatchDto, AccountDto, AccountListQueryDto, OpportunityBatchDto, OpportunityDto, OpportunityListQueryDto } from './crm.dto.js';

/** CRM ingestion: accounts and opportunities (with their role lines). */
@ApiTags('crm')
@Controller('v1/crm')
export class CrmController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly reader: RecordReader,
  ) {}

  @Put('accounts')
  @Scopes('crm:write')
  @DocumentUpsert('accounts')
  putAccounts(@Body() body: AccountBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(ACCOUNTS, body.items);
  }

  @Get('accounts')
  @Scopes('crm:write', 'plans:read')
  @DocumentList('accounts', AccountDto)
  listAccounts(@Query() query: AccountListQueryDto): Promise<Page<Account>> {
    return this.reader.list(ACCOUNTS, { ...query });
  }

  @Get('accounts/:id')
  @Scopes('crm:write', 'plans:read')
  @DocumentGet('accounts', AccountDto)
  getAccount(@Param('id') id: string): Promise<Account> {
    return this.reader.get(ACCOUNTS, id);
  }

  @Delete('accounts/:id')
  @Scopes('crm:write')
  @DocumentDelete('accounts', true)
  deleteAccount(@Param('id') id: string, @Query('updatedAt') updatedAt?: string): Promise<DeleteResult> {
    return this.ingestion.delete(ACCOUNTS, id, updatedAt);
  }

  @Put('opportunities')
  @Scopes('crm:write')
  @DocumentUpsert('opportunities')
  putOpportunities(@Body() body: OpportunityBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(OPPORTUNITIES, body.items);
  }

  @Get('opportunities')
  @Scopes('crm:write', 'plans:read')
  @DocumentList('opportunities', OpportunityDto)
  listOpportunities(@Query() query: OpportunityListQueryDto): Promise<Page<Opportunity>> {
    return this.reader.list(OPPORTUNITIES, { ...query });
  }

  @Get('opportunities/:id')
  @Scopes('crm:write', 'plans:read')
  @DocumentGet('opportunities', OpportunityDto)
  getOpportunity(@Param('id') id: string): Promise<Opportunity> {
    return this.reader.get(OPPORTUNITIES, id);
  }

  @Delete('opportunities/:id')
  @Scopes('crm:write')
  @DocumentDelete('opportunities', true)
  deleteOpportunity(@Param('id') id: string, @Query('updatedAt') updatedAt?: string): Promise<DeleteResult> {
    return this.ingestion.delete(OPPORTUNITIES, id, updatedAt);
  }
}
