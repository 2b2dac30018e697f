import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  buildMessage,
  type ValidationArguments,
} from 'class-validator';
import { isIanaTimeZone, isIsoCurrency, isIsoDate, isSourceTimestamp, isYearMonth } from './calendar-rules.js';

/**
 * Field decorators of the ingestion DTOs: each one bundles the validation rules and the OpenAPI schema
 * of a kind of field, so a DTO reads like the data contract (DESIGN.md §3). `optional` fields accept
 * absence or null (null means absent).
 */
interface FieldOptions {
  optional?: boolean;
  description?: string;
  example?: unknown;
}

function documented(options: FieldOptions, schema: ApiPropertyOptions): PropertyDecorator {
  const merged = { description: options.description, example: options.example, ...schema } as ApiPropertyOptions;
  return options.optional ? applyDecorators(IsOptional(), ApiPropertyOptional(merged)) : ApiProperty(merged);
}

const NO_NUL = Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters' });

export function TextField(maxLength: number, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, minLength: 1, maxLength }),
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
    NO_NUL,
  );
}

/** A source id or catalog code. */
export const IdField = (options: FieldOptions = {}) => TextField(200, options);
export const CodeField = (options: FieldOptions = {}) => TextField(100, options);

export function DateField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, format: 'date', example: options.example ?? '2027-03-01' }),
    ValidateBy({
      name: 'isIsoDate',
      validator: { validate: isIsoDate, defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD`) },
    }),
  );
}

export function UpdatedAtField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, format: 'date-time', example: '2027-01-15T09:30:00+01:00', description: "the source's last-modified time, with offset" }),
    ValidateBy({
      name: 'isSourceTimestamp',
      validator: { validate: isSourceTimestamp, defaultMessage: buildMessage(() => '$property must be an ISO-8601 time with an offset, e.g. 2027-01-15T09:30:00Z') },
    }),
  );
}

export function YearMonthField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2027-04' }),
    ValidateBy({
      name: 'isYearMonth',
      validator: { validate: isYearMonth, defaultMessage: buildMessage(() => '$property must be a month YYYY-MM') },
    }),
  );
}

export function TimeZoneField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, example: 'Europe/Berlin', description: 'IANA time zone' }),
    ValidateBy({
      name: 'isIanaTimeZone',
      validator: { validate: isIanaTimeZone, defaultMessage: buildMessage(() => '$property must be an IANA time zone such as Europe/Berlin') },
    }),
  );
}

export function CurrencyField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: String, example: 'EUR', description: 'ISO 4217 code' }),
    ValidateBy({
      name: 'isIsoCurrency',
      validator: { validate: isIsoCurrency, defaultMessage: buildMessage(() => '$property must be an ISO 4217 currency code such as EUR') },
    }),
  );
}

/** Integers stay within PostgreSQL's `integer` range by their declared bounds. */
export function IntField(min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(documented(options, { type: Number, minimum: min, maximum: max }), IsInt(), Min(min), Max(max));
}

export function NumberField(min: number, max: number, options: FieldOptions & { exclusiveMin?: boolean } = {}): PropertyDecorator {
  const rules = [IsNumber({ allowNaN: false, allowInfinity: false }), Min(min), Max(max)];
  if (options.exclusiveMin) rules.push(GreaterThan(min));
  return applyDecorators(documented(options, { type: Number, minimum: min, maximum: max, exclusiveMinimum: options.exclusiveMin }), ...rules);
}

export function BoolField(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(documented(options, { type: Boolean }), IsBoolean());
}

export function EnumField(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(documented(options, { enum: values, type: String }), IsIn(values));
}

/** An array of nested DTOs, each validated, with a size cap so one item cannot carry unbounded data. */
export function NestedArrayField(type: () => new () => object, maxItems: number, options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    documented(options, { type: () => [type()] }),
    IsArray(),
    ArrayMaxSize(maxItems),
    // ValidateNested accepts an array as an item (it validates its elements); an item must be an object.
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

export function GreaterThan(limit: number): PropertyDecorator {
  return ValidateBy({
    name: 'greaterThan',
    constraints: [limit],
    validator: {
      validate: (value: unknown) => typeof value === 'number' && value > limit,
      defaultMessage: buildMessage(() => `$property must be greater than ${limit}`),
    },
  });
}

/**
 * Cross-field rule: this date is on or after another date field of the same object (end ≥ start,
 * rollOffDate ≥ start). Skipped when either side is absent or not a date (their own rules report that).
 */
export function OnOrAfter(otherField: string): PropertyDecorator {
  return ValidateBy({
    name: 'onOrAfter',
    constraints: [otherField],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const other = (args?.object as Record<string, unknown>)[otherField];
        if (!isIsoDate(value) || !isIsoDate(other)) return true;
        return value >= other;
      },
      defaultMessage: buildMessage(() => `$property must be on or after ${otherField}`),
    },
  });
}

/** Items of an array must differ in the given property (skills of one employee, role ids of one deal). */
export function UniqueBy(property: string): PropertyDecorator {
  return ValidateBy({
    name: 'uniqueBy',
    constraints: [property],
    validator: {
      validate: (value: unknown) => {
        if (!Array.isArray(value)) return true;
        const seen = value.map((item) => (item as Record<string, unknown> | null)?.[property]).filter((v) => v !== undefined);
        return new Set(seen).size === seen.length;
      },
      defaultMessage: buildMessage(() => `$property must not repeat a ${property}`),
    },
  });
}
