import { applyDecorators, Inject, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/scopes.decorator.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig, IntegrationSettings } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import {
  hubspotV3Signature,
  salesforceSignature,
  sameSignature,
  timestampProblem,
  type SignatureProblem,
} from './signatures.js';

export const VENDORS = ['hubspot', 'salesforce'] as const;
export type Vendor = (typeof VENDORS)[number];

const VENDOR_KEY = 'staffplan:vendor';

/** How each vendor signs: its headers, the timestamp unit, the secret setting and the signature itself. */
interface SigningScheme {
  signatureHeader: string;
  timestampHeader: string;
  timestampUnitMs: number;
  secret(settings: IntegrationSettings): string | undefined;
  expected(secret: string, request: RawBodyRequest<Request>, body: string, timestamp: string, settings: IntegrationSettings): string;
}

const SCHEMES: Record<Vendor, SigningScheme> = {
  hubspot: {
    signatureHeader: 'x-hubspot-signature-v3',
    timestampHeader: 'x-hubspot-request-timestamp',
    timestampUnitMs: 1,
    secret: (settings) => settings.hubspotAppSecret,
    expected: (secret, request, body, timestamp, settings) =>
      hubspotV3Signature(secret, request.method, calledUrl(request, settings), body, timestamp),
  },
  salesforce: {
    signatureHeader: 'x-salesforce-signature',
    timestampHeader: 'x-salesforce-timestamp',
    timestampUnitMs: 1,
    secret: (settings) => settings.salesforceWebhookSecret,
    expected: (secret, _request, body, timestamp) => salesforceSignature(secret, body, timestamp),
  },
};

/**
 * A vendor route: no API key (the vendor cannot send one), the vendor's own signature instead. A vendor
 * whose secret is not configured is disabled: its routes answer 404.
 */
export function VendorSigned(vendor: Vendor): MethodDecorator & ClassDecorator {
  const scheme = SCHEMES[vendor];
  return applyDecorators(
    Public(),
    SetMetadata(VENDOR_KEY, vendor),
    UseGuards(VendorSignatureGuard),
    ApiHeader({ name: scheme.signatureHeader, required: true, description: `the ${vendor} signature of the request` }),
    ApiHeader({ name: scheme.timestampHeader, required: true, description: 'the signing time; older than 5 minutes is refused' }),
    ApiUnauthorizedResponse({ description: 'missing, wrong or expired signature' }),
    ApiNotFoundResponse({ description: `the ${vendor} integration is not configured` }),
  );
}

@Injectable()
export class VendorSignatureGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const vendor = this.reflector.getAllAndOverride<Vendor>(VENDOR_KEY, [context.getHandler(), context.getClass()]);
    const scheme = SCHEMES[vendor];
    const settings = this.config.integrations;
    const secret = scheme.secret(settings);
    if (!secret) throw new AppError('NOT_FOUND', `the ${vendor} integration is not configured`);
    const request = context.switchToHttp().getRequest<RawBodyRequest<Request>>();
    const timestamp = header(request, scheme.timestampHeader);
    const stale = timestampProblem(timestamp, scheme.timestampUnitMs, Date.now());
    if (stale) throw refused(scheme.timestampHeader, stale);
    const presented = header(request, scheme.signatureHeader);
    if (!presented) throw refused(scheme.signatureHeader, 'missing');
    const body = request.rawBody?.toString('utf8') ?? '';
    const expected = scheme.expected(secret, request, body, timestamp as string, settings);
    if (!sameSignature(presented, expected)) throw refused(scheme.signatureHeader, 'mismatch');
    return true;
  }
}

/** The full URL the vendor called: the configured public base (behind a proxy), else what the request says. */
function calledUrl(request: Request, settings: IntegrationSettings): string {
  const base = settings.publicBaseUrl ?? `${request.protocol}://${request.get('host') ?? ''}`;
  return `${base}${request.originalUrl}`;
}

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

const PROBLEM_MESSAGES: Record<SignatureProblem, string> = {
  missing: 'is missing',
  malformed: 'is not a number',
  expired: 'is more than 5 minutes away from now (a replay or a wrong clock)',
  mismatch: 'does not match the request',
};

function refused(headerName: string, problem: SignatureProblem): AppError {
  const rule = headerName.endsWith('timestamp') ? 'timestamp' : 'signature';
  const message = `${headerName} ${PROBLEM_MESSAGES[problem]}`;
  return new AppError('UNAUTHENTICATED', `the request signature was refused: ${message}`, [{ field: headerName, rule, message }]);
}
