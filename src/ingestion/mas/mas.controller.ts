import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LeadForecast } from '../../../solver/types.js';
import { Scopes } from '../../auth/scopes.decorator.js';
import type { BatchResult } from '../ingestion-routes.js';
import { IngestionService, type DeleteResult } from '../shared/ingestion.service.js';
import type { Page } from '../shared/page-query.dto.js';
import { RecordReader } from '../shared/record-reader.service.js';
import { DocumentDelete, DocumentGet, DocumentList, DocumentUpsert } from '../shared/route-docs.js';
import { LEAD_FORECASTS } from './mas.collections.js';
import { LeadForecastBatchDto, LeadForecastDto, LeadForecastListQueryDto } from './mas.dto.js';

/** Marketing-automation ingestion: lead forecasts (demand beyond the CRM horizon). */
@ApiTags('mas')
@Controller('v1/mas')
export class MasController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly reader: RecordReader,
  ) {}

  @Put('lead-forecasts')
  @Scopes('mas:write')
  @DocumentUpsert('lead forecasts')
  putLeadForecasts(@Body() body: LeadForecastBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(LEAD_FORECASTS, body.items);
  }

  @Get('lead-forecasts')
  @Scopes('mas:write', 'plans:read')
  @DocumentList('lead forecasts', LeadForecastDto)
  listLeadForecasts(@Query() query: LeadForecastListQueryDto): Promise<Page<LeadForecast>> {
    return this.reader.list(LEAD_FORECASTS, { ...query });
  }

  @Get('lead-forecasts/:id')
  @Scopes('mas:write', 'plans:read')
  @DocumentGet('lead forecasts', LeadForecastDto)
  getLeadForecast(@Param('id') id: string): Promise<LeadForecast> {
    return this.reader.get(LEAD_FORECASTS, id);
  }

  @Delete('lead-forecasts/:id')
  @Scopes('mas:write')
  @DocumentDelete('lead forecasts', true)
  deleteLeadForecast(@Param('id') id: string, @Query('updatedAt') updatedAt?: string): Promise<DeleteResult> {
    return this.ingestion.delete(LEAD_FORECASTS, id, updatedAt);
  }
}
