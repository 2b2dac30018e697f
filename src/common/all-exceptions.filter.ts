import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { codeForStatus, ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from './error-codes.js';
import { serializeErrorForLog } from './log-serializers.js';

/**
 * Turns every error into the one error body. Known failures keep their status; anything unexpected is a
 * 500 with a generic message (the details go to the log with the request id, never to the caller).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const mapped = this.map(exception);
    if (mapped.code === 'INTERNAL') {
      this.logger.error({ err: serializeErrorForLog(exception), requestId: request?.id }, 'unexpected error');
    }
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(mapped.headers)) response.setHeader(name, value);
    const body: ErrorBody & { health?: HealthReport } = {
      error: { code: mapped.code, message: mapped.message, details: mapped.details },
      requestId: request?.id ?? null,
      ...(mapped.health ? { health: mapped.health } : {}),
    };
    response.status(mapped.status ?? ERROR_STATUS[mapped.code]).json(body);
  }

  private map(exception: unknown): MappedError {
    const health = mapHealthCheckFailure(exception);
    if (health) return health;
    if (exception instanceof AppError) {
      return { code: exception.code, message: exception.message, details: exception.details, headers: exception.headers };
    }
    const bodyParser = mapBodyParserError(exception);
    if (bodyParser) return { ...bodyParser, details: [], headers: {} };
    if (exception instanceof HttpException) {
      const { code, status } = codeForStatus(exception.getStatus());
      const message = status >= 500 ? 'internal error' : httpMessage(exception);
      return { code, status, message, details: [], headers: {} };
    }
    const refusedValue = mapRefusedValue(exception);
    if (refusedValue) return refusedValue;
    return { code: 'INTERNAL', message: 'internal error', details: [], headers: {} };
  }
}

interface MappedError {
  code: ErrorCode;
  /** Set when the status is not the code's (a framework 4xx under CLIENT_ERROR). */
  status?: number;
  message: string;
  details: ErrorDetail[];
  headers: Record<string, string>;
  health?: HealthReport;
}

/** What @nestjs/terminus answers from a health check: every indicator's state, the failing ones under `error`. */
interface HealthReport {
  status: string;
  info?: Record<string, Record<string, unknown>>;
  error?: Record<string, Record<string, unknown>>;
  details: Record<string, Record<string, unknown>>;
}

function isHealthReport(value: unknown): value is HealthReport {
  const report = value as Partial<HealthReport> | null;
  return typeof report === 'object' && report !== null && typeof report.status === 'string' && typeof report.details === 'object' && report.details !== null;
}

/**
 * A failed readiness check (terminus throws a 503 whose response is the health report): an orchestrator
 * or an operator must see which indicator is down and why, so the report stays in the body (`health`) and
 * each failing indicator becomes a detail naming it.
 */
function mapHealthCheckFailure(exception: unknown): MappedError | null {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return null;
  const report = exception.getResponse();
  if (!isHealthReport(report)) return null;
  const failing = Object.entries(report.error ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const details = failing.map(([name, state]) => ({ field: name, rule: 'healthCheck', message: typeof state.message === 'string' ? state.message : `${name} is ${String(state.status ?? 'down')}` }));
  const names = failing.map(([name]) => name).join(', ');
  return { code: 'SERVICE_UNAVAILABLE', message: `not ready: ${names || 'a health check failed'}`, details, headers: {}, health: report };
}

/**
 * Express' body parser reports oversized and malformed bodies with a `type` field; the Nest express
 * adapter wraps them in an HttpException whose `cause` is the original error.
 */
function mapBodyParserError(exception: unknown): { code: ErrorCode; message: string } | null {
  const cause = exception instanceof HttpException && exception.cause ? exception.cause : exception;
  const type = (cause as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') {
    const limit = (cause as { limit?: number }).limit;
    return { code: 'PAYLOAD_TOO_LARGE', message: `request body exceeds the limit of ${limit} bytes` };
  }
  if (type === 'entity.parse.failed') return { code: 'INVALID_JSON', message: 'request body is not valid JSON' };
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported request body encoding' };
  }
  return null;
}

/**
 * PostgreSQL refusing a value the request carried: NUL in text (22021), a byte sequence it cannot store
 * (22P05) or a string longer than its column (22001). Request checks catch these first (the global
 * pipe and the DTOs); this is the safety net for a path they miss, so the caller gets a 400, not a 500.
 */
const REFUSED_VALUE_RULES: Record<string, { rule: string; message: string }> = {
  '22021': { rule: 'noControlCharacters', message: 'a value contains a NUL character or an invalid byte sequence' },
  '22P05': { rule: 'noControlCharacters', message: 'a value contains a character that cannot be stored' },
  '22001': { rule: 'maxLength', message: 'a value is longer than its field allows' },
};

function mapRefusedValue(exception: unknown): MappedError | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const sqlState = (exception.driverError as { code?: unknown } | undefined)?.code;
  const refused = typeof sqlState === 'string' ? REFUSED_VALUE_RULES[sqlState] : undefined;
  if (!refused) return null;
  return { code: 'BAD_REQUEST', message: refused.message, details: [{ field: '(request)', ...refused }], headers: {} };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}
