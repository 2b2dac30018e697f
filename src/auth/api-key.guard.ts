import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../common/app-error.js';
import { ApiKeyService, type ApiPrincipal } from './api-key.service.js';
import { PUBLIC_KEY, SCOPES_KEY } from './scopes.decorator.js';
import { grants, type Scope } from './scopes.js';

export type AuthenticatedRequest = Request & { principal?: ApiPrincipal };

/**
 * The global guard: every route needs a valid API key (`Authorization: Bearer sp_…` or `X-API-Key`)
 * unless marked @Public; routes marked @Scopes(...) also need one of those scopes. 401 / 403 otherwise.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = presentedKey(request);
    if (!presented) throw new AppError('UNAUTHENTICATED', 'an API key is required (Authorization: Bearer <key>)');
    const principal = await this.apiKeys.verify(presented);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'the API key is invalid or revoked');
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<Scope[]>(SCOPES_KEY, targets) ?? [];
    if (!grants(principal.scopes, required)) {
      throw new AppError('FORBIDDEN', `this key lacks the scope for this route (one of: ${required.join(', ')})`);
    }
    return true;
  }
}

function presentedKey(request: Request): string | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? match[1] : null;
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header.length > 0 ? header : null;
}
