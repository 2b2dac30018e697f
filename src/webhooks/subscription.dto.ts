import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { EVENT_TYPES } from '../outbox/event-publisher.js';

export const SUBSCRIBABLE_EVENTS = [...EVENT_TYPES, '*'] as const;
const NO_NUL = /^[^\u0000]*$/;
const MAX_OVERLAP_SECONDS = 30 * 86_400;

export class CreateSubscriptionDto {
  @ApiProperty({ description: 'where events are POSTed; must be a public address unless WEBHOOK_ALLOWED_HOSTS names the host', example: 'https://crm.example.com/hooks/staffplan', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(NO_NUL, { message: 'url must not contain NUL characters' })
  url: string;

  @ApiProperty({ enum: SUBSCRIBABLE_EVENTS, isArray: true, description: "event types, or '*' for all", example: ['staffing-plan.completed', 'estimate.completed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUBSCRIBABLE_EVENTS.length)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true })
  events: string[];

  @ApiPropertyOptional({ description: 'the owning system or team, shown in the delivery log; defaults to the name of the API key that creates it', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NO_NUL, { message: 'owner must not contain NUL characters' })
  owner?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @Matches(NO_NUL, { message: 'description must not contain NUL characters' })
  description?: string;
}

/** The switch only an update has. */
class EnabledSwitchDto {
  @ApiPropertyOptional({ description: 'false disables the endpoint; true re-enables it and clears its failure count' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/**
 * Every create field, each optional and validated by the same rules, then the enabled switch (an
 * intersection, so violations are reported in this field order).
 */
export class UpdateSubscriptionDto extends IntersectionType(PartialType(CreateSubscriptionDto), EnabledSwitchDto) {}

export class RotateSecretDto {
  @ApiPropertyOptional({ description: 'how long the old secret keeps signing (default WEBHOOK_SECRET_OVERLAP_SECONDS); 0 retires it at once', minimum: 0, maximum: MAX_OVERLAP_SECONDS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OVERLAP_SECONDS)
  overlapSeconds?: number;
}

export class SubscriptionViewDto {
  @ApiProperty({ example: 'whs_3f9c0e1d2b4a59687a8b9c0d' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: SUBSCRIBABLE_EVENTS, isArray: true }) events: string[];
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: ['enabled', 'disabled'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'why the endpoint was disabled (410, repeated failures, an administrator)' }) disabledReason: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ description: 'deliveries that failed in a row' }) consecutiveFailures: number;
  @ApiProperty({ nullable: true, type: String, description: 'until when the previous secret also signs' }) previousSecretExpiresAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class SubscriptionWithSecretDto extends SubscriptionViewDto {
  @ApiProperty({ description: 'the signing secret `whsec_<base64>`, shown only in this answer', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret: string;
}
