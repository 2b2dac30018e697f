import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { Scopes } from '../auth/scopes.decorator.js';
import { AppError } from '../common/app-error.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import type { JobRequest } from '../jobs/job-kinds.js';
import { JobsService } from '../jobs/jobs.service.js';
import { checkEstimateRequest, estimateForCaller } from './estimate-rules.js';
import { EstimateRequestDto } from './estimates.dto.js';

/** How long POST /v1/estimates waits for the answer before it hands back a job (issue 5: 2 s). */
export const ESTIMATE_WAIT_MS = 1900;

/**
 * Estimates for the CRM (issue 5). Each request is an `estimate` job solved on the stored snapshot with
 * the latest stored staffing plan's hours taken; a small scope answers 200 with the estimate within the
 * wait, a larger one 202 with the job. The estimate's id is its job's id.
 * Idempotency-Key is kept on the client's body alone (@Idempotent): the plan hours attached here change
 * whenever a new plan completes, so a retry must not be compared on them (it would get 422).
 */
@ApiTags('estimates')
@Controller('v1/estimates')
export class EstimatesController {
  constructor(private readonly jobs: JobsService) {}

  @Post()
  @Scopes('estimates:write')
  @Idempotent()
  @ApiOperation({ summary: 'Cost, price, margin, earliest start and staffing confidence of an opportunity or inline scope' })
  @ApiOkResponse({ description: 'the estimate, when it finished within ~2 s' })
  @ApiAcceptedResponse({ description: '{jobId, status, links}: poll the job, then GET /v1/estimates/{jobId}' })
  async create(@Body() body: EstimateRequestDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<unknown> {
    const started = Date.now();
    checkEstimateRequest(body);
    const plan = await this.latestPlan();
    const jobRequest = { ...body, ...plan } as unknown as JobRequest<'estimate'>;
    const outcome = await this.jobs.submit('estimate', jobRequest, { apiKeyId: request.principal?.keyId ?? 'anonymous' });
    const jobId = outcome.answer.jobId;
    const waited = await this.jobs.waitForResult(jobId, Math.max(0, ESTIMATE_WAIT_MS - (Date.now() - started)));
    if (waited.job.status === 'failed' && waited.job.error?.code === 'INVALID_INPUT') {
      const field = waited.job.error.field ?? 'body';
      throw new AppError('UNPROCESSABLE', waited.job.error.message, [{ field, rule: 'scenario', message: waited.job.error.message }]);
    }
    if (waited.job.status === 'completed' && waited.document) {
      response.status(200);
      response.setHeader('Location', `/v1/estimates/${jobId}`);
      return estimateForCaller(waited.document, request.principal?.scopes ?? [], jobId);
    }
    response.status(202);
    response.setHeader('Location', outcome.answer.links.self);
    return outcome.answer;
  }

  @Get(':id')
  @Scopes('estimates:write', 'plans:read')
  @ApiOperation({ summary: 'A stored estimate (named people only with plans:read)' })
  async get(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<unknown> {
    const { job, document } = await this.jobs.result(id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `no estimate ${id}`);
      throw error;
    });
    if (job.kind !== 'estimate') throw new AppError('NOT_FOUND', `no estimate ${id}`);
    return estimateForCaller(document, request.principal?.scopes ?? [], id);
  }

  /** The newest completed staffing plan's job id (recorded on the job) and hours (none when no plan was ever made). */
  private async latestPlan(): Promise<{ planJobId?: string; plannedAssignments: unknown[] }> {
    try {
      const latest = await this.jobs.latestResult('staffing-plan');
      return { planJobId: latest.job.id, plannedAssignments: (latest.document as { assignments?: unknown[] }).assignments ?? [] };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return { plannedAssignments: [] };
      throw error;
    }
  }
}
