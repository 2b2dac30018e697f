/**
 * The estimate job as the solver thread runs it (src/jobs/solvers.ts): the API body plus the plan hours
 * the controller attached, mapped onto the pure solver. No framework import — this runs in a worker thread.
 * The estimate's id is its job's id, so GET /v1/estimates/{id} and GET /v1/jobs/{id} name the same thing.
 */
import { estimate, type Estimate, type EstimateRequest, type Scenario } from '../../solver/index.js';
import type { EstimateControl } from '../../solver/estimate/index.js';
import type { JobRequest } from '../jobs/job-kinds.js';

export function estimateRequestOf(body: JobRequest<'estimate'>, estimateId?: string): EstimateRequest {
  const request = body as unknown as EstimateRequest;
  return {
    ...(request.opportunityId !== undefined ? { opportunityId: request.opportunityId } : {}),
    ...(request.scope !== undefined ? { scope: request.scope } : {}),
    ...(request.window !== undefined ? { window: request.window } : {}),
    ...(request.currency !== undefined ? { currency: request.currency } : {}),
    ...(request.targetMargin !== undefined ? { targetMargin: request.targetMargin } : {}),
    countRequestedPto: request.countRequestedPto ?? false,
    plannedAssignments: request.plannedAssignments ?? [],
    includeScarcity: request.includeScarcity ?? true,
    ...(request.backend !== undefined ? { backend: request.backend } : {}),
    ...(estimateId !== undefined ? { estimateId } : {}),
  };
}

/**
 * `control` is the job runner's SolveControl (progress, stop signal, clamped time limit): a cancelled or
 * handed-back estimate answers from the candidate starts solved so far.
 */
export async function estimateJob(scenario: Scenario, body: JobRequest<'estimate'>, jobId: string, control: EstimateControl = {}): Promise<Record<string, unknown>> {
  const result: Estimate = await estimate(scenario, estimateRequestOf(body, jobId), control);
  return result as unknown as Record<string, unknown>;
}
