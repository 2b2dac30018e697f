import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error.js';
import type { ErrorDetail } from './error-codes.js';

/** Ids are stored in varchar(200) columns (DESIGN §3); a longer path id cannot name a stored record. */
export const MAX_PATH_PARAM_LENGTH = 200;
/** NUL and the other control characters: PostgreSQL refuses NUL in text (22021), and no id holds them. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * The global pipe: DTO validation (below), and before it a check of every path parameter and query string
 * value, so a NUL byte or an over-long id is a 400 naming the parameter instead of a database error.
 */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') checkRequestValues(value, metadata.data, true);
    if (metadata.type === 'query') checkRequestValues(value, metadata.data, false);
    return super.transform(value, metadata);
  }
}

/** Path parameters (whole object or one named) and query values: no control character; path ids ≤ 200 characters. */
export function checkRequestValues(value: unknown, name: string | undefined, isPath: boolean): void {
  const entries: [string, unknown][] = name ? [[name, value]] : Object.entries(value ?? {});
  const details = entries.flatMap(([field, raw]) => (Array.isArray(raw) ? raw : [raw]).flatMap((item) => requestValueProblems(field, item, isPath)));
  if (details.length > 0) throw validationFailed(details);
}

function requestValueProblems(field: string, value: unknown, isPath: boolean): ErrorDetail[] {
  if (typeof value !== 'string') return [];
  const problems: ErrorDetail[] = [];
  if (CONTROL_CHARACTER.test(value)) problems.push({ field, rule: 'noControlCharacters', message: `${field} must not contain NUL or other control characters` });
  if (isPath && value.length > MAX_PATH_PARAM_LENGTH) {
    problems.push({ field, rule: 'maxLength', message: `${field} must be at most ${MAX_PATH_PARAM_LENGTH} characters` });
  }
  return problems;
}

/**
 * The global ValidationPipe: unknown fields are rejected (whitelist + forbidNonWhitelisted), payloads are
 * turned into DTO instances, and every violation becomes a detail with its full field path
 * (`items[3].skills[0].level`) and the rule's name.
 */
export function createValidationPipe(): ValidationPipe {
  // RequestValidationPipe checks path and query values first (see there).
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

export function validationFailed(details: ErrorDetail[]): AppError {
  const first = details[0];
  const summary = first ? `${first.field}: ${first.message}` : 'invalid request';
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return new AppError('VALIDATION_FAILED', `validation failed: ${summary}${more}`, details);
}

export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const path = joinPath(parentPath, error.property);
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      details.push({ field: path || '(body)', rule: ruleName(rule), message: messageFor(rule, message, path) });
    }
    details.push(...flattenValidationErrors(error.children ?? [], path));
  }
  return details;
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator names the unknown-field rule `whitelistValidation`; callers read `unknownField`. */
function ruleName(rule: string): string {
  return rule === 'whitelistValidation' ? 'unknownField' : rule;
}

function messageFor(rule: string, message: string, path: string): string {
  if (rule === 'whitelistValidation') return `${path} is not a known field`;
  return message;
}
