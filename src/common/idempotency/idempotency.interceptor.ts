import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, of, switchMap, throwError, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { contentHash } from '../../ingestion/shared/canonical.js';
import { checkedIdempotencyKey, IdempotencyRecords, type IdempotencyScope, type StoredAnswer } from './idempotency-records.js';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

type CallerRequest = Request & { principal?: { keyId?: string } };

/**
 * Makes a POST idempotent per DESIGN §4 (use through @Idempotent()): with an Idempotency-Key header, the
 * first answer (status, body, Location) is stored and a retry with the same key and body gets it back with
 * `Idempotent-Replayed: true`; the same key with another body is 422, and while the first request is still
 * running 409. Keys are per API key and per route. Without the header the route runs as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly records: IdempotencyRecords;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.records = new IdempotencyRecords(dataSource);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<CallerRequest>();
    const response = http.getResponse<Response>();
    const key = checkedIdempotencyKey(request.headers['idempotency-key']);
    if (!key) return next.handle();
    const scope: IdempotencyScope = { apiKeyId: request.principal?.keyId ?? 'anonymous', route: `${request.method} ${request.path}`, idempotencyKey: key };
    return from(this.records.claim(scope, contentHash(request.body ?? {}))).pipe(
      switchMap((claim) => {
        if (claim.kind === 'replay') return of(replay(response, claim.answer));
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.records.complete(claim.id, claim.owner, answerOf(response, body));
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
