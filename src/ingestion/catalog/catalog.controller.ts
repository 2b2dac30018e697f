import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ExchangeRate, HiringPolicy, ProjectType, RateCard, SkillDefinition } from '../../../solver/types.js';
import { Scopes } from '../../auth/scopes.decorator.js';
import type { BatchResult } from '../ingestion-routes.js';
import { BatchResultDto } from '../shared/batch.dto.js';
import { IngestionService, type DeleteResult } from '../shared/ingestion.service.js';
import { PageQueryDto, type Page } from '../shared/page-query.dto.js';
import { RecordReader } from '../shared/record-reader.service.js';
import { DocumentDelete, DocumentGet, DocumentList, DocumentUpsert } from '../shared/route-docs.js';
import { EXCHANGE_RATES, HIRING_POLICY, HIRING_POLICY_KEY, PROJECT_TYPES, RATE_CARDS, SKILLS } from './catalog.collections.js';
import {
  ExchangeRateBatchDto,
  ExchangeRateDto,
  HiringPolicyDto,
  ProjectTypeBatchDto,
  ProjectTypeDto,
  RateCardBatchDto,
  RateCardDto,
  RateCardListQueryDto,
  SkillBatchDto,
  SkillDto,
} from './catalog.dto.js';

const READ = ['catalog:write', 'plans:read'] as const;

/** The firm's catalog: project types, skills, rate cards, exchange rates and the hiring policy. */
@ApiTags('catalog')
@Controller('v1/catalog')
export class CatalogController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly reader: RecordReader,
  ) {}

  @Put('project-types') @Scopes('catalog:write') @DocumentUpsert('project types')
  putProjectTypes(@Body() body: ProjectTypeBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(PROJECT_TYPES, body.items);
  }

  @Get('project-types') @Scopes(...READ) @DocumentList('project types', ProjectTypeDto)
  listProjectTypes(@Query() query: PageQueryDto): Promise<Page<ProjectType>> {
    return this.reader.list(PROJECT_TYPES, { ...query });
  }

  @Get('project-types/:code') @Scopes(...READ) @DocumentGet('project types', ProjectTypeDto)
  getProjectType(@Param('code') code: string): Promise<ProjectType> {
    return this.reader.get(PROJECT_TYPES, code);
  }

  @Delete('project-types/:code') @Scopes('catalog:write') @DocumentDelete('project types', false)
  deleteProjectType(@Param('code') code: string): Promise<DeleteResult> {
    return this.ingestion.delete(PROJECT_TYPES, code);
  }

  @Put('skills') @Scopes('catalog:write') @DocumentUpsert('skills')
  putSkills(@Body() body: SkillBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(SKILLS, body.items);
  }

  @Get('skills') @Scopes(...READ) @DocumentList('skills', SkillDto)
  listSkills(@Query() query: PageQueryDto): Promise<Page<SkillDefinition>> {
    return this.reader.list(SKILLS, { ...query });
  }

  @Get('skills/:code') @Scopes(...READ) @DocumentGet('skills', SkillDto)
  getSkill(@Param('code') code: string): Promise<SkillDefinition> {
    return this.reader.get(SKILLS, code);
  }

  @Delete('skills/:code') @Scopes('catalog:write') @DocumentDelete('skills', false)
  deleteSkill(@Param('code') code: string): Promise<DeleteResult> {
    return this.ingestion.delete(SKILLS, code);
  }

  @Put('rate-cards') @Scopes('catalog:write') @DocumentUpsert('rate cards')
  putRateCards(@Body() body: RateCardBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(RATE_CARDS, body.items);
  }

  @Get('rate-cards') @Scopes(...READ) @DocumentList('rate cards', RateCardDto)
  listRateCards(@Query() query: RateCardListQueryDto): Promise<Page<RateCard>> {
    return this.reader.list(RATE_CARDS, { ...query });
  }

  /** A rate card's key is `skill:level:currency`, e.g. `java:3:EUR`. */
  @Get('rate-cards/:key') @Scopes(...READ) @DocumentGet('rate cards (key skill:level:currency)', RateCardDto)
  getRateCard(@Param('key') key: string): Promise<RateCard> {
    return this.reader.get(RATE_CARDS, key);
  }

  @Delete('rate-cards/:key') @Scopes('catalog:write') @DocumentDelete('rate cards (key skill:level:currency)', false)
  deleteRateCard(@Param('key') key: string): Promise<DeleteResult> {
    return this.ingestion.delete(RATE_CARDS, key);
  }

  @Put('exchange-rates') @Scopes('catalog:write') @DocumentUpsert('exchange rates')
  putExchangeRates(@Body() body: ExchangeRateBatchDto): Promise<BatchResult> {
    return this.ingestion.upsert(EXCHANGE_RATES, body.items);
  }

  @Get('exchange-rates') @Scopes(...READ) @DocumentList('exchange rates', ExchangeRateDto)
  listExchangeRates(@Query() query: PageQueryDto): Promise<Page<ExchangeRate>> {
    return this.reader.list(EXCHANGE_RATES, { ...query });
  }

  @Get('exchange-rates/:currency') @Scopes(...READ) @DocumentGet('exchange rates', ExchangeRateDto)
  getExchangeRate(@Param('currency') currency: string): Promise<ExchangeRate> {
    return this.reader.get(EXCHANGE_RATES, currency);
  }

  @Delete('exchange-rates/:currency') @Scopes('catalog:write') @DocumentDelete('exchange rates', false)
  deleteExchangeRate(@Param('currency') currency: string): Promise<DeleteResult> {
    return this.ingestion.delete(EXCHANGE_RATES, currency);
  }

  /** The firm has one hiring policy: the body is the policy itself, not `{ items }`. */
  @Put('hiring-policy') @Scopes('catalog:write')
  @ApiOperation({ summary: 'Replace the hiring policy (the body is the policy object)' })
  @ApiOkResponse({ type: BatchResultDto })
  putHiringPolicy(@Body() body: HiringPolicyDto): Promise<BatchResult> {
    return this.ingestion.upsert(HIRING_POLICY, [body]);
  }

  @Get('hiring-policy') @Scopes(...READ, 'hiring:read') @DocumentGet('the hiring policy', HiringPolicyDto)
  getHiringPolicy(): Promise<HiringPolicy> {
    return this.reader.get(HIRING_POLICY, HIRING_POLICY_KEY);
  }

  @Delete('hiring-policy') @Scopes('catalog:write') @DocumentDelete('the hiring policy', false)
  deleteHiringPolicy(): Promise<DeleteResult> {
    return this.ingestion.delete(HIRING_POLICY, HIRING_POLICY_KEY);
  }
}
