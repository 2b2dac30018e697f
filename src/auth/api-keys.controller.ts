import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { ApiKeyViewDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto.js';
import { ApiKeyService, type ApiKeyView } from './api-key.service.js';
import { Scopes } from './scopes.decorator.js';

@ApiTags('api-keys')
@Scopes('admin')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Post()
  @Idempotent({ secretField: 'key' })
  @ApiOperation({ summary: 'Create a key for a connected system; the answer holds the key, shown only once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Body() body: CreateApiKeyDto): Promise<ApiKeyView & { key: string }> {
    return this.apiKeys.create(body.name, body.scopes);
  }

  @Get()
  @ApiOperation({ summary: 'List keys (never their secrets)' })
  @ApiOkResponse({ type: [ApiKeyViewDto] })
  list(): Promise<ApiKeyView[]> {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key; it stops working at once' })
  @ApiOkResponse({ type: ApiKeyViewDto })
  revoke(@Param('id') id: string): Promise<ApiKeyView> {
    return this.apiKeys.revoke(id);
  }
}
