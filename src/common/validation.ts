import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error.js';
import type { ErrorDetail } from './error-codes.js';

/**
 * The global ValidationPipe: unknown fields are rejected (whitelist + forbidNonWhitelisted), payloads are
 * turned into DTO instances, and every violation becomes a detail with its full field path
 * (`items[3].skills[0].level`) and the rule's name.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
