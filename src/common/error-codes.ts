/**
 * The one table from error code to HTTP status. Every error body is
 * `{ error: { code, message, details: [{ field, rule, message }] }, requestId }`.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  /**
   * A framework 4xx this table has no code for (406, 408, 411, 416, …): the answer keeps the framework's
   * own status; 400 is only the table's placeholder.
   */
  CLIENT_ERROR: 400,
  /** A webhook URL that points at a private, loopback or link-local address (and is not allow-listed). */
  WEBHOOK_URL_REFUSED: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  field: string;
  rule: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
  requestId: string | null;
}

/** Codes that a bare status never maps to: they name a specific cause. */
const SPECIFIC_CODES = new Set<ErrorCode>(['INVALID_JSON', 'VALIDATION_FAILED', 'CLIENT_ERROR', 'WEBHOOK_URL_REFUSED']);

/**
 * The code and status of an error that carries only a status (framework exceptions). A 4xx outside the
 * table keeps its status under the generic CLIENT_ERROR (a 406 or 408 is not the client's malformed
 * request); any 5xx is INTERNAL (500).
 */
export function codeForStatus(status: number): { code: ErrorCode; status: number } {
  const exact = (Object.keys(ERROR_STATUS) as ErrorCode[]).find((code) => ERROR_STATUS[code] === status && !SPECIFIC_CODES.has(code));
  if (exact) return { code: exact, status };
  if (status >= 400 && status < 500) return { code: 'CLIENT_ERROR', status };
  return status >= 500 ? { code: 'INTERNAL', status: 500 } : { code: 'BAD_REQUEST', status: 400 };
}
