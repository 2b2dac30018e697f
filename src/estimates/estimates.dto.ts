/**
 * Request body of POST /v1/estimates (issue 5): an opportunity id or an inline scope, the window of
 * candidate starts, the answer currency and an optional target margin. Shape errors are 400s here;
 * what needs the data (unknown opportunity, unknown currency) the solver reports and the controller
 * answers 422.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { BoolField, CurrencyField, DateField, EnumField, IdField, IntField, NestedArrayField, NumberField, TextField } from '../ingestion/shared/fields.js';

const BACKENDS = ['auto', 'highs', 'jslp'] as const;

function NestedObject(type: () => new () => object, optional: boolean): PropertyDecorator {
  const doc = optional ? ApiPropertyOptional({ type: type() }) : ApiProperty({ type: type() });
  return applyDecorators(doc, ...(optional ? [IsOptional()] : [IsDefined()]), IsObject(), ValidateNested(), Type(type));
}

export class EstimateRoleDto {
  @IdField({ optional: true, description: 'line id; default scope#<n>' })
  id?: string;

  @TextField(100, { description: 'skill code', example: 'data-engineering' })
  skill: string;

  @IntField(0, 5)
  minLevel: number;

  @NumberField(0, 168, { exclusiveMin: true, description: 'hours per week per head (> 0)' })
  hoursPerWeek: number;

  @IntField(1, 100, { optional: true })
  headcount?: number;

  @IntField(0, 520, { optional: true })
  startOffsetWeeks?: number;

  @IntField(1, 520, { optional: true })
  durationWeeks?: number;

  @TextField(100, { optional: true })
  location?: string;

  @BoolField({ optional: true })
  remoteAllowed?: boolean;

  @BoolField({ optional: true })
  requiresCertification?: boolean;
}

export class EstimateScopeDto {
  @NestedArrayField(() => EstimateRoleDto, 200, { optional: true, description: 'role lines (or give projectType)' })
  roles?: EstimateRoleDto[];

  @TextField(100, { optional: true })
  projectType?: string;

  @DateField({ description: 'when the work would start' })
  expectedStart: string;

  @IntField(1, 520, { optional: true })
  durationWeeks?: number;

  @TextField(100, { optional: true, description: 'location of roles that name none' })
  location?: string;
}

export class EstimateWindowDto {
  @DateField({ optional: true, description: 'first candidate start (default: the expected start)' })
  from?: string;

  @IntField(1, 52, { optional: true, description: 'number of weekly candidate starts (default 8)' })
  weeks?: number;
}

export class EstimateRequestDto {
  @IdField({ optional: true, description: 'an opportunity of the store (or give scope)' })
  opportunityId?: string;

  @NestedObject(() => EstimateScopeDto, true)
  scope?: EstimateScopeDto;

  @NestedObject(() => EstimateWindowDto, true)
  window?: EstimateWindowDto;

  @CurrencyField({ optional: true, description: 'answer currency (default: the opportunity\'s, else base)' })
  currency?: string;

  @NumberField(0, 1, { optional: true, description: 'price = cost / (1 − targetMargin); 0 ≤ margin < 1' })
  targetMargin?: number;

  @BoolField({ optional: true })
  countRequestedPto?: boolean;

  @BoolField({ optional: true, description: 'add the scarcity report (default true)' })
  includeScarcity?: boolean;

  @EnumField(BACKENDS, { optional: true })
  backend?: (typeof BACKENDS)[number];
}
