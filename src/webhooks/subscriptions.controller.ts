import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { Scopes } from '../auth/scopes.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import {
  CreateSubscriptionDto,
  RotateSecretDto,
  SubscriptionViewDto,
  SubscriptionWithSecretDto,
  UpdateSubscriptionDto,
} from './subscription.dto.js';
import { SubscriptionsService } from './subscriptions.service.js';

@ApiTags('webhooks')
@Scopes('admin')
@Controller('v1/webhook-subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @Idempotent({ secretField: 'secret' })
  @ApiOperation({ summary: 'Subscribe an endpoint to events; the answer holds its signing secret, shown only once' })
  @ApiCreatedResponse({ type: SubscriptionWithSecretDto })
  @ApiUnprocessableEntityResponse({ description: 'WEBHOOK_URL_REFUSED: the URL is (or resolves to) a private, loopback or link-local address' })
  create(@Body() body: CreateSubscriptionDto, @Req() request: AuthenticatedRequest): Promise<SubscriptionWithSecretDto> {
    return this.subscriptions.create(body, request.principal?.name ?? 'unknown');
  }

  @Get()
  @ApiOperation({ summary: 'List subscriptions (never their secrets)' })
  @ApiOkResponse({ type: [SubscriptionViewDto] })
  list(): Promise<SubscriptionViewDto[]> {
    return this.subscriptions.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SubscriptionViewDto })
  get(@Param('id') id: string): Promise<SubscriptionViewDto> {
    return this.subscriptions.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change url, events, owner or description; enabled: true re-enables a disabled endpoint' })
  @ApiOkResponse({ type: SubscriptionViewDto })
  update(@Param('id') id: string, @Body() body: UpdateSubscriptionDto): Promise<SubscriptionViewDto> {
    return this.subscriptions.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deleted; its deliveries stay in the log' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.subscriptions.remove(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Idempotent({ secretField: 'secret', replayAs: 'rotated' })
  @ApiOperation({ summary: 'New signing secret (shown once); the old one also signs until previousSecretExpiresAt' })
  @ApiOkResponse({ type: SubscriptionWithSecretDto })
  rotateSecret(@Param('id') id: string, @Body() body: RotateSecretDto): Promise<SubscriptionWithSecretDto> {
    return this.subscriptions.rotateSecret(id, body.overlapSeconds);
  }
}
