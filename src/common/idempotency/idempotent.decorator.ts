import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IDEMPOTENT_SECRET_FIELD, type SecretRoute } from './secret-route.js';


export interface IdempotentOptions {
  /**
   * The answer field that carries a secret shown once (an API key, a signing secret). The ledger stores
   * the answer without it, and a replay answers 409 naming the created id instead of the secret: a
   * secret kept for 24 h in the ledger would defeat storing keys hashed.
   */
  secretField?: string;
  /** What the first request did, for the replay's message: `already created as <id>` (default) or `already rotated the secret of <id>`. */
  replayAs?: 'created' | 'rotated';
}



const PLAIN = 'same key and body → the same stored answer (24 h); same key, other body → 422; while the first runs → 409';
const SECRET = 'same key and body → 409 naming the id already created (the secret is shown once and never stored); same key, other body → 422; while the first runs → 409';

/** Marks a POST route idempotent under the Idempotency-Key header (see IdempotencyInterceptor). */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: options.secretField ? SECRET : PLAIN }),
    SetMetadata(IDEMPOTENT_SECRET_FIELD, options.secretField ? { field: options.secretField, replayAs: options.replayAs ?? 'created' } satisfies SecretRoute : null),
    UseInterceptors(IdempotencyInterceptor),
  );
}
