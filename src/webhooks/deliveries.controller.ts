import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scopes } from '../auth/scopes.decorator.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { DeliveryPageDto, DeliveryQueryDto, DeliveryViewDto } from './delivery.dto.js';
import { DeliveryLog } from './delivery-log.service.js';

@ApiTags('webhooks')
@Scopes('admin')
@Controller('v1/webhook-deliveries')
export class DeliveriesController {
  constructor(private readonly log: DeliveryLog) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log, newest first: attempts, status codes, latency, last error, endpoint owner' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.log.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: DeliveryViewDto })
  get(@Param('id') id: string): Promise<DeliveryViewDto> {
    return this.log.get(id);
  }

  @Post(':id/redeliver')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({ summary: 'Send a finished delivery again, with the same webhook-id' })
  @ApiAcceptedResponse({ type: DeliveryViewDto })
  @ApiConflictResponse({ description: 'the delivery is still retrying, or its endpoint is disabled or deleted' })
  redeliver(@Param('id') id: string): Promise<DeliveryViewDto> {
    return this.log.redeliver(id);
  }
}
