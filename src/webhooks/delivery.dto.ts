import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EVENT_TYPES } from '../outbox/event-publisher.js';
import { DELIVERY_STATUSES } from './webhook-delivery.entity.js';

export const DEFAULT_DELIVERY_PAGE = 50;
export const MAX_DELIVERY_PAGE = 500;

export class DeliveryQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) subscriptionId?: string;
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: EVENT_TYPES, description: 'event type' }) @IsOptional() @IsIn(EVENT_TYPES) event?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DELIVERY_PAGE, description: `default ${DEFAULT_DELIVERY_PAGE}` })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_DELIVERY_PAGE) limit?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(2_000_000_000) offset?: number;
}

export class AttemptViewDto {
  @ApiProperty() attempt: number;
  @ApiProperty() startedAt: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null when no answer came (timeout, connection refused)' }) statusCode: number | null;
  @ApiProperty() latencyMs: number;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ enum: ['delivered', 'retry', 'gone', 'failed'] }) outcome: string;
}

export class DeliverySubscriptionDto {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
}

export class DeliveryViewDto {
  @ApiProperty({ description: 'also the `webhook-id` header, the same on every attempt' }) id: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: EVENT_TYPES }) eventType: string;
  @ApiProperty() subscriptionId: string;
  @ApiProperty({ type: DeliverySubscriptionDto, nullable: true, description: 'null once the subscription is deleted' }) subscription: DeliverySubscriptionDto | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty() redeliveries: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: Number }) lastLatencyMs: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ type: [AttemptViewDto] }) attemptLog: AttemptViewDto[];
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryViewDto] }) items: DeliveryViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
