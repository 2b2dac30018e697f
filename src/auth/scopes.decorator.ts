import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Scope } from './scopes.js';

export const SCOPES_KEY = 'staffplan:scopes';
export const PUBLIC_KEY = 'staffplan:public';

/**
 * Requires an API key holding ANY of the given scopes (`admin` holds all). On a controller or a route;
 * the route's list wins. Without @Scopes a route still needs a valid key (any scope); see @Public.
 */
export function Scopes(...scopes: Scope[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(SCOPES_KEY, scopes),
    ApiSecurity('apiKey', scopes),
    ApiUnauthorizedResponse({ description: 'missing or invalid API key' }),
    ApiForbiddenResponse({ description: `the key lacks every one of: ${scopes.join(', ')}` }),
    ApiTooManyRequestsResponse({ description: 'rate limit of the key reached; see Retry-After' }),
  );
}

/** Opens a route to callers without a key (health probes). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
