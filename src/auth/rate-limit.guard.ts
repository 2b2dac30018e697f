import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AuthenticatedRequest } from './api-key.guard.js';
import { FixedWindowRateLimiter } from './rate-limiter.js';

/**
 * Rate limit per API key over all routes together: RATE_LIMIT_PER_MINUTE requests per key and minute,
 * then 429 with Retry-After. Runs after ApiKeyGuard; public routes (no key) are not limited.
 * (Own guard rather than @nestjs/throttler: its 6.x build is CommonJS requiring the ESM-only
 * @nestjs/common, which Node 20 loads but Jest's ESM runtime cannot.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiter: FixedWindowRateLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new FixedWindowRateLimiter(config.rateLimitPerMinute, 60_000);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal) return true;
    const decision = this.limiter.hit(request.principal.keyId, Date.now());
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('X-RateLimit-Limit', String(decision.limit));
    response.setHeader('X-RateLimit-Remaining', String(decision.remaining));
    response.setHeader('X-RateLimit-Reset', String(decision.resetSeconds));
    if (decision.allowed) return true;
    throw new AppError('RATE_LIMITED', `rate limit of ${decision.limit} requests per minute reached for this key`, [], {
      'Retry-After': String(decision.resetSeconds),
    });
  }
}
