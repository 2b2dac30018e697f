import { grants, type Scope } from '../auth/scopes.js';
import { AppError } from '../common/app-error.js';
import { redactEstimate } from '../../solver/estimate/index.js';
import type { Estimate } from '../../solver/estimate/index.js';
import type { JobKind } from './job-kinds.js';

/**
 * Who may watch a job. Resource managers (`plans:read`) see every job; a connected system sees the kinds
 * it submits, so the `links` of a 202 work for the caller that received them: the CRM (`estimates:write`)
 * its estimates, HR (`hiring:read`) its hiring forecasts.
 */
const KIND_READERS: Record<JobKind, Scope[]> = {
  'staffing-plan': ['plans:read'],
  'capacity-forecast': ['plans:read'],
  'hiring-forecast': ['plans:read', 'hiring:read'],
  estimate: ['plans:read', 'estimates:write'],
};

/** The scopes that let a caller read at least one kind of job (the route-level guard). */
export const JOB_READER_SCOPES: Scope[] = ['plans:read', 'estimates:write', 'hiring:read'];

/** 403 unless the caller's scopes cover this kind of job. */
export function assertMayRead(kind: JobKind, scopes: readonly string[], jobId: string): void {
  if (!grants(scopes, KIND_READERS[kind])) {
    throw new AppError('FORBIDDEN', `job ${jobId} is a ${kind}; reading it needs one of: ${KIND_READERS[kind].join(', ')}`);
  }
}

/**
 * Who may cancel a job. Resource managers (`plans:write`) cancel every kind; a connected system cancels
 * the kinds it submits: the CRM (`estimates:write`) its estimates, HR (`hiring:read`) its hiring forecasts.
 */
const KIND_CANCELLERS: Record<JobKind, Scope[]> = {
  'staffing-plan': ['plans:write'],
  'capacity-forecast': ['plans:write'],
  'hiring-forecast': ['plans:write', 'hiring:read'],
  estimate: ['plans:write', 'estimates:write'],
};

/** The scopes that let a caller cancel at least one kind of job (the route-level guard of DELETE). */
export const JOB_CANCELLER_SCOPES: Scope[] = ['plans:write', 'estimates:write', 'hiring:read'];

/** 403 unless the caller's scopes allow cancelling this kind of job. */
export function assertMayCancel(kind: JobKind, scopes: readonly string[], jobId: string): void {
  if (!grants(scopes, KIND_CANCELLERS[kind])) {
    throw new AppError('FORBIDDEN', `job ${jobId} is a ${kind}; cancelling it needs one of: ${KIND_CANCELLERS[kind].join(', ')}`);
  }
}

/** Named people in an estimate are for resource managers only (issue 5): others get the team mix. */
export function documentForCaller(kind: JobKind, document: unknown, scopes: readonly string[]): unknown {
  if (kind !== 'estimate' || grants(scopes, ['plans:read'])) return document;
  return redactEstimate(document as Estimate);
}
