/** Request body of POST /v1/hiring-forecasts and the filters of GET /v1/hiring-forecasts/latest (issue 5). */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { BoolField, DateField, EnumField, IntField, NumberField, TextField } from '../ingestion/shared/fields.js';
import { HorizonDto } from '../planning/planning.dto.js';

const BACKENDS = ['auto', 'highs', 'jslp'] as const;

export class HiringForecastRequestDto {
  @ApiProperty({ type: HorizonDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => HorizonDto)
  horizon: HorizonDto;

  @NumberField(0, 1, { optional: true, description: 'keep only CRM lines with probability ≥ this' })
  minProbability?: number;

  @BoolField({ optional: true })
  countRequestedPto?: boolean;

  @BoolField({ optional: true, description: 'count MAS projected demand (default true)' })
  includeLeadForecasts?: boolean;

  @IntField(0, 520, { optional: true, description: 'weeks the CRM pipeline covers; MAS demand counts only after them (default 13)' })
  crmHorizonWeeks?: number;

  @NumberField(0.1, 86_400, { optional: true })
  timeLimitSeconds?: number;

  @EnumField(BACKENDS, { optional: true })
  backend?: (typeof BACKENDS)[number];
}

export class HiringSignalsQueryDto {
  @TextField(100, { optional: true })
  skill?: string;

  @TextField(100, { optional: true })
  location?: string;

  @DateField({ optional: true, description: 'signals needed by this day or later' })
  from?: string;

  @DateField({ optional: true, description: 'signals needed by this day or earlier' })
  to?: string;

  @EnumField(['json', 'csv'], { optional: true, description: 'csv = the signals as CSV (or send Accept: text/csv)' })
  format?: 'json' | 'csv';
}
