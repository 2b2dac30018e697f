import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, hostOf, isAllowListed, isPublicAddress } from './url-guard.js';

/** What one HTTP call produced: a status (or a transport error), its latency and any Retry-After. */
export interface SendResult {
  statusCode: number | null;
  latencyMs: number;
  /** The Retry-After header as sent, for the policy to read. */
  retryAfter: string | null;
  error: string | null;
}

export interface SendOptions {
  timeoutMs: number;
  allowedHosts: readonly string[];
}

const RESPONSE_SNIPPET_CHARS = 200;
const USER_AGENT = 'staffplan-webhooks/1';

/**
 * POSTs a signed message. Redirects are not followed (a redirect could point anywhere, including inside
 * our network); the whole exchange, body included, must finish within the timeout.
 */
export function postMessage(target: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  const literalRefusal = refusedLiteral(url, options.allowedHosts);
  if (literalRefusal) return Promise.resolve({ statusCode: null, latencyMs: 0, retryAfter: null, error: literalRefusal });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: elapsed() });
    };
    const req = send(url, {
      method: 'POST',
      lookup: guardedLookup(options.allowedHosts),
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': USER_AGENT,
      },
    });
    const timer = setTimeout(() => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('response', (response) => readResponse(response, finish));
    req.on('error', (error) => finish({ statusCode: null, retryAfter: null, error: error.message }));
    req.end(body);
  });
}

/** IP-literal hosts never go through `lookup`, so they are checked here. */
function refusedLiteral(url: URL, allowedHosts: readonly string[]): string | null {
  const host = hostOf(url);
  if (isIP(host) === 0 || isAllowListed(host, allowedHosts) || isPublicAddress(host)) return null;
  return `refused to connect to ${host}: non-public address`;
}

function readResponse(response: IncomingMessage, finish: (result: Omit<SendResult, 'latencyMs'>) => void): void {
  let snippet = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    if (snippet.length < RESPONSE_SNIPPET_CHARS) snippet += chunk.slice(0, RESPONSE_SNIPPET_CHARS - snippet.length);
  });
  response.on('end', () => {
    const statusCode = response.statusCode ?? 0;
    const retryAfter = headerValue(response.headers['retry-after']);
    const ok = statusCode >= 200 && statusCode < 300;
    finish({ statusCode, retryAfter, error: ok ? null : `HTTP ${statusCode}${snippet ? `: ${snippet.trim()}` : ''}` });
  });
  response.on('error', (error) => finish({ statusCode: response.statusCode ?? null, retryAfter: null, error: error.message }));
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}
