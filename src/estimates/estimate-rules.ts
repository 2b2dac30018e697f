/**
 * Rules of an estimate request that span fields (the DTO checks each field alone), and the answer's
 * view for a caller: names only with plans:read. Each broken rule names its field.
 */
import { redactEstimate, type Estimate } from '../../solver/index.js';
import { grants } from '../auth/scopes.js';
import { AppError } from '../common/app-error.js';
import type { EstimateRequestDto } from './estimates.dto.js';

function badRequest(field: string, rule: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, rule, message }]);
}

export function checkEstimateRequest(body: EstimateRequestDto): void {
  const hasOpportunity = body.opportunityId !== undefined;
  const hasScope = body.scope !== undefined;
  if (hasOpportunity === hasScope) throw badRequest(hasOpportunity ? 'scope' : 'opportunityId', 'exactlyOne', 'give an opportunityId or a scope, not both and not neither');
  if (body.targetMargin !== undefined && body.targetMargin >= 1) throw badRequest('targetMargin', 'below1', 'a target margin must be below 1 (price = cost / (1 − margin))');
  if (hasScope && (body.scope!.roles ?? []).length === 0 && body.scope!.projectType === undefined) {
    throw badRequest('scope.roles', 'notEmpty', 'the scope has no role lines (give roles or a projectType)');
  }
}

/** The estimate as this caller may see it: named people only for keys holding plans:read (or admin). */
export function estimateForCaller(document: unknown, scopes: readonly string[], estimateId: string): Estimate {
  const estimate = { ...(document as Estimate), estimateId };
  return grants(scopes, ['plans:read']) ? estimate : redactEstimate(estimate);
}
