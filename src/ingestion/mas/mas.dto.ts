import { BatchOf } from '../shared/batch.dto.js';
import { CodeField, IdField, IntField, NumberField, UpdatedAtField, YearMonthField } from '../shared/fields.js';
import { PageQueryDto } from '../shared/page-query.dto.js';

export class LeadForecastDto {
  @IdField() id: string;
  @YearMonthField() period: string;
  @CodeField() projectType: string;
  @NumberField(0, 1e9) leads: number;
  @NumberField(0, 1) leadToOpportunityRate: number;
  @NumberField(0, 1) winRate: number;
  @IntField(0, 520) lagWeeks: number;
  @UpdatedAtField() updatedAt: string;
}

export class LeadForecastBatchDto extends BatchOf(LeadForecastDto) {}

export class LeadForecastListQueryDto extends PageQueryDto {
  @CodeField({ optional: true }) projectType?: string;
  @YearMonthField({ optional: true }) period?: string;
}
