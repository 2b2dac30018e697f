import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from './error-codes.js';

/** A failure the service means to report: its code fixes the HTTP status (error-codes.ts). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
