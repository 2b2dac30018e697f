import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request id: the caller's `x-request-id` when it is a safe token (so a trace spans systems), else a
 * new UUID. It is echoed in the response header, every log line of the request and every error body.
 */
export function requestIdFor(request: IncomingMessage & { id?: unknown }, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const incoming = request.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  request.id = id;
  return id;
}

/** Express middleware run before the body parser, so even a malformed body's error carries the id. */
export function assignRequestId(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  requestIdFor(request, response);
  next();
}
