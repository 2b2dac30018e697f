import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, switchMap, throwError, type Observable } from 'rxjs';
import { StoreTransactions } from '../../database/store-transactions.js';
import { contentHash } from '../../ingestion/shared/canonical.js';
import { AppError } from '../app-error.js';
import { checkedIdempotencyKey, IdempotencyRecords, type IdempotencyScope, type StoredAnswer } from './idempotency-records.js';
import { IDEMPOTENT_SECRET_FIELD, type SecretRoute } from './secret-route.js';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

type CallerRequest = Request & { principal?: { keyId?: string } };

/**
 * Makes a POST idempotent per DESIGN §4 (use through @Idempotent()): with an Idempotency-Key header, the
 * first answer (status, body, Location) is stored and a retry with the same key and body gets it back with
 * `Idempotent-Replayed: true`; the same key with another body is 422, and while the first request is still
 * running 409. Keys are per API key and per route. Without the header the route runs as usual.
 * On a route that shows a secret once (@Idempotent({ secretField })) the secret is never stored and a
 * replay is 409 CONFLICT naming the id the first request created.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly records: IdempotencyRecords;

  constructor(transactions: StoreTransactions, private readonly reflector: Reflector) {
    this.records = new IdempotencyRecords(transactions);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<CallerRequest>();
    const response = http.getResponse<Response>();
    const key = checkedIdempotencyKey(request.headers['idempotency-key']);
    if (!key) return next.handle();
    const secretRoute = this.reflector.get<SecretRoute | null>(IDEMPOTENT_SECRET_FIELD, context.getHandler()) ?? null;
    const scope: IdempotencyScope = { apiKeyId: request.principal?.keyId ?? 'anonymous', route: `${request.method} ${request.path}`, idempotencyKey: key };
    return from(this.records.claim(scope, contentHash(request.body ?? {}))).pipe(
      switchMap((claim) => {
        if (claim.kind === 'replay') {
          if (secretRoute) return throwError(() => secretShownOnce(claim.answer, secretRoute));
          return of(replay(response, claim.answer));
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.records.complete(claim.id, claim.owner, answerOf(response, withoutSecret(body, secretRoute)));
            return body;
          }),
          catchError((error: unknown) => from(this.records.release(claim.id, claim.owner)).pipe(switchMap(() => throwError(() => error)))),
        );
      }),
    );
  }
}

function answerOf(response: Response, body: unknown): StoredAnswer {
  const location = response.getHeader('location');
  return { statusCode: response.statusCode, body: body === undefined ? null : body, location: typeof location === 'string' ? location : null };
}

function replay(response: Response, answer: StoredAnswer): unknown {
  response.status(answer.statusCode);
  response.setHeader(REPLAYED_HEADER, 'true');
  if (answer.location) response.setHeader('Location', answer.location);
  return answer.body ?? undefined;
}

/** The answer as the ledger keeps it: the secret field removed. */
function withoutSecret(body: unknown, secretRoute: SecretRoute | null): unknown {
  if (!secretRoute || typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== secretRoute.field));
}

/** The replay of a secret-bearing answer: the secret is gone, so the caller learns what exists instead. */
function secretShownOnce(answer: StoredAnswer, secretRoute: SecretRoute): AppError {
  const stored = (answer.body as { id?: unknown } | null)?.id;
  const id = typeof stored === 'string' ? stored : '(unknown)';
  const done = secretRoute.replayAs === 'rotated' ? `already rotated the secret of ${id}` : `already created as ${id}`;
  const message = `${done}; the secret was shown once`;
  return new AppError('CONFLICT', message, [
    { field: 'Idempotency-Key', rule: 'secretShownOnce', message: 'the first answer carried a secret that is never stored; read the resource by its id' },
  ]);
}
