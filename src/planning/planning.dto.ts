/**
 * Request bodies of POST /v1/staffing-plans and /v1/capacity-forecasts (DESIGN.md §4, §7). Unknown fields
 * are refused and every violation names its field and rule (the global ValidationPipe).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { BoolField, DateField, EnumField, IdField, IntField, NestedArrayField, NumberField } from '../ingestion/shared/fields.js';

const MAX_ASSIGNMENT_ROWS = 200_000;
const BACKENDS = ['auto', 'highs', 'jslp'] as const;

function NestedObject(type: () => new () => object, optional: boolean): PropertyDecorator {
  const doc = optional ? ApiPropertyOptional({ type: type() }) : ApiProperty({ type: type() });
  return applyDecorators(doc, ...(optional ? [IsOptional()] : [IsDefined()]), IsObject(), ValidateNested(), Type(type));
}

export class HorizonDto {
  @DateField({ description: 'first week; snapped back to its ISO Monday', example: '2027-01-04' })
  from: string;

  @IntField(1, 520, { description: 'number of ISO weeks', example: 26 })
  weeks: number;
}

export class PlanAssignmentDto {
  @IdField()
  employeeId: string;

  @IdField()
  lineId: string;

  @DateField({ description: 'the ISO week, named by its Monday' })
  week: string;

  @NumberField(0, 168)
  hours: number;
}

export class PreviousPlanDto {
  @NestedArrayField(() => PlanAssignmentDto, MAX_ASSIGNMENT_ROWS)
  assignments: PlanAssignmentDto[];
}

/** Options shared by every solve. */
class SolveOptionsDto {
  @NumberField(0.1, 86_400, { optional: true, description: "the solver's own time limit; it returns its best plan so far when reached (clamped below the job's limit)" })
  timeLimitSeconds?: number;

  @EnumField(BACKENDS, { optional: true, description: 'LP backend (auto: HiGHS)' })
  backend?: (typeof BACKENDS)[number];
}

export class StaffingPlanRequestDto extends SolveOptionsDto {
  @NestedObject(() => HorizonDto, false)
  horizon: HorizonDto;

  @NumberField(0, 1, { optional: true, description: 'keep only lines with probability ≥ this (0-1)' })
  minProbability?: number;

  @ApiPropertyOptional({ type: [String], description: 'only these opportunities' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  opportunityIds?: string[];

  @DateField({ optional: true, description: 'only opportunities closing before this day (won work always counts)' })
  closingBefore?: string;

  @BoolField({ optional: true, description: 'subtract requested (unapproved) PTO too' })
  countRequestedPto?: boolean;

  @NestedArrayField(() => PlanAssignmentDto, MAX_ASSIGNMENT_ROWS, { optional: true, description: 'assignments that stand as given' })
  pinned?: PlanAssignmentDto[];

  @IdField({ optional: true, description: 'a finished staffing-plan job whose assignments the new plan stays close to' })
  previousPlanJobId?: string;

  @NestedObject(() => PreviousPlanDto, true)
  previousPlan?: PreviousPlanDto;
}

export class CapacityForecastRequestDto extends SolveOptionsDto {
  @NestedObject(() => HorizonDto, false)
  horizon: HorizonDto;

  @NumberField(0, 1, { optional: true })
  minProbability?: number;

  @BoolField({ optional: true })
  countRequestedPto?: boolean;

  @EnumField(['week', 'month'], { optional: true })
  bucket?: 'week' | 'month';

  @BoolField({ optional: true, description: 'add demand projected from MAS lead forecasts' })
  includeLeadForecasts?: boolean;

  @IntField(0, 520, { optional: true, description: 'weeks the CRM pipeline covers; MAS demand counts only after them (default 13)' })
  crmHorizonWeeks?: number;
}
