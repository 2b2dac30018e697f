import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/** Marks a POST route idempotent under the Idempotency-Key header (see IdempotencyInterceptor). */
export function Idempotent(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body → the same stored answer (24 h); same key, other body → 422; while the first runs → 409' }),
    UseInterceptors(IdempotencyInterceptor),
  );
}
