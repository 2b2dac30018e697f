import { BatchOf } from '../shared/batch.dto.js';
import {
  CodeField,
  CurrencyField,
  DateField,
  IntField,
  NestedArrayField,
  NumberField,
  TextField,
} from '../shared/fields.js';
import { PageQueryDto } from '../shared/page-query.dto.js';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ProjectTypeRoleDto {
  @CodeField() skill: string;
  @IntField(1, 5) minLevel: number;
  @NumberField(0, 168, { exclusiveMin: true }) hoursPerWeek: number;
  @IntField(1, 1000, { optional: true, description: 'default 1' }) headcount?: number;
  @IntField(0, 520, { optional: true, description: 'default 0' }) startOffsetWeeks?: number;
  @IntField(1, 520, { optional: true, description: "default: the opportunity's, else the project type's" }) durationWeeks?: number;
}

export class ProjectTypeDto {
  @CodeField({ example: 'data-platform' }) code: string;
  @TextField(300) name: string;
  @IntField(1, 520) durationWeeks: number;
  @NestedArrayField(() => ProjectTypeRoleDto, 200, { description: 'in order: role n names line `<opportunityId>#<n>`' })
  roles: ProjectTypeRoleDto[];
}

export class SkillDto {
  @CodeField({ example: 'java' }) code: string;
  @TextField(300) name: string;
  @ApiPropertyOptional({ type: [String], description: 'skills a holder can be reskilled into' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  adjacent?: string[];
}

export class RateCardDto {
  @CodeField() skill: string;
  @IntField(1, 5) level: number;
  @NumberField(0, 1e9, { description: 'per hour in `currency`' }) billRate: number;
  @CurrencyField() currency: string;
}

export class ExchangeRateDto {
  @CurrencyField() currency: string;
  @NumberField(0, 1e9, { exclusiveMin: true, description: 'amount × rateToBase = amount in the base currency (rate 1)' })
  rateToBase: number;
  @DateField() asOf: string;
}

export class LeadTimeDto {
  @CodeField({ optional: true }) skill?: string;
  @CodeField({ optional: true }) location?: string;
  @IntField(0, 520) weeks: number;
}

export class HiringPolicyDto {
  @IntField(0, 520) defaultLeadTimeWeeks: number;
  @NestedArrayField(() => LeadTimeDto, 1000, { optional: true }) leadTimes?: LeadTimeDto[];
  @NumberField(0, 100, { exclusiveMin: true }) contractorRateMultiplier: number;
  @IntField(0, 520) contractorLeadTimeWeeks: number;
  @NumberField(0, 1e6) minFteGap: number;
  @IntField(0, 520) minShortageWeeks: number;
  @NumberField(0, 1, { optional: true, description: 'default 0.8' }) minEmployeeShare?: number;
}

export class ProjectTypeBatchDto extends BatchOf(ProjectTypeDto) {}
export class SkillBatchDto extends BatchOf(SkillDto) {}
export class RateCardBatchDto extends BatchOf(RateCardDto) {}
export class ExchangeRateBatchDto extends BatchOf(ExchangeRateDto) {}

export class RateCardListQueryDto extends PageQueryDto {
  @CodeField({ optional: true }) skill?: string;
  @CurrencyField({ optional: true }) currency?: string;
}
