import {
  BoolField,
  CodeField,
  CurrencyField,
  DateField,
  EnumField,
  IdField,
  IntField,
  NestedArrayField,
  NumberField,
  OnOrAfter,
  TextField,
  TimeZoneField,
  UniqueBy,
  UpdatedAtField,
} from '../shared/fields.js';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, Max, Min, ValidateBy, buildMessage } from 'class-validator';
import { Type } from 'class-transformer';
import { BatchOf } from '../shared/batch.dto.js';
import { PageQueryDto } from '../shared/page-query.dto.js';

export class EmployeeSkillDto {
  @CodeField({ example: 'java' }) skill: string;
  @IntField(1, 5) level: number;
  @BoolField({ optional: true }) certified?: boolean;
  @DateField({ optional: true }) certificationExpires?: string;
}

/** `level` in the contract is a free grade such as "Senior" or 3. */
const IsGrade = ValidateBy({
  name: 'isGrade',
  validator: {
    validate: (value: unknown) =>
      (typeof value === 'string' && value.length >= 1 && value.length <= 100 && !value.includes('\u0000')) ||
      (typeof value === 'number' && Number.isFinite(value)),
    defaultMessage: buildMessage(() => '$property must be a grade name (1-100 characters) or a number'),
  },
});

export class EmployeeDto {
  @IdField() id: string;
  @TextField(300) name: string;
  @TextField(300, { optional: true }) email?: string;
  @CodeField({ example: 'berlin' }) location: string;
  @TimeZoneField() timeZone: string;
  @CodeField({ optional: true, description: 'holiday calendar code; default: the calendar whose code is the location' })
  holidayCalendar?: string;
  @TextField(300, { optional: true }) title?: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }] })
  @IsOptional()
  @IsGrade
  level?: string | number;
  @NumberField(0, 1e9, { description: 'cost per hour in `currency`' }) costRate: number;
  @CurrencyField() currency: string;
  @NumberField(0, 168, { optional: true, exclusiveMin: true, description: 'default 40' }) weeklyHours?: number;
  @ApiPropertyOptional({ type: [Number], description: 'ISO weekdays 1 (Monday) to 7, default [1,2,3,4,5]', example: [1, 2, 3, 4, 5] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingDays?: number[];
  @DateField({ optional: true }) startDate?: string;
  @DateField({ optional: true }) @OnOrAfter('startDate') endDate?: string;
  @NumberField(0, 1, { optional: true }) utilizationTarget?: number;
  @NestedArrayField(() => EmployeeSkillDto, 200) @UniqueBy('skill') skills: EmployeeSkillDto[];
  @UpdatedAtField() updatedAt: string;
}

export const TIME_OFF_STATUSES = ['approved', 'requested', 'cancelled'] as const;

export class TimeOffDto {
  @IdField() id: string;
  @IdField({ description: 'an employee the store holds' }) employeeId: string;
  @DateField() start: string;
  @DateField({ description: 'inclusive' }) @OnOrAfter('start') end: string;
  @NumberField(0, 24, { optional: true, exclusiveMin: true, description: 'absent: the whole day' }) hoursPerDay?: number;
  @EnumField(TIME_OFF_STATUSES) status: string;
  @UpdatedAtField() updatedAt: string;
}

export class AssignmentDto {
  @IdField() id: string;
  @IdField({ description: 'an employee the store holds' }) employeeId: string;
  @IdField() projectId: string;
  @DateField() start: string;
  @DateField() @OnOrAfter('start') rollOffDate: string;
  @NumberField(0, 168) hoursPerWeek: number;
  @BoolField() billable: boolean;
  @UpdatedAtField() updatedAt: string;
}

export class HolidayDto {
  @DateField() date: string;
  @TextField(300) name: string;
}

export class HolidayCalendarDto {
  @CodeField({ example: 'berlin' }) code: string;
  @TextField(300) name: string;
  @NestedArrayField(() => HolidayDto, 2000) @UniqueBy('date') dates: HolidayDto[];
}

export class EmployeeBatchDto extends BatchOf(EmployeeDto) {}
export class TimeOffBatchDto extends BatchOf(TimeOffDto) {}
export class AssignmentBatchDto extends BatchOf(AssignmentDto) {}
export class HolidayCalendarBatchDto extends BatchOf(HolidayCalendarDto) {}

export class EmployeeListQueryDto extends PageQueryDto {
  @CodeField({ optional: true }) location?: string;
  @CodeField({ optional: true, description: 'only holders of this skill' }) skill?: string;
  @Type(() => Number)
  @IntField(1, 5, { optional: true, description: 'with `skill`: at least this level' })
  minLevel?: number;
}

export class EmployeeRecordsQueryDto extends PageQueryDto {
  @IdField({ optional: true }) employeeId?: string;
}

export class TimeOffListQueryDto extends EmployeeRecordsQueryDto {
  @EnumField(TIME_OFF_STATUSES, { optional: true }) status?: string;
}
