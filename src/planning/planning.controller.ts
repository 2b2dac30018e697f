import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { Scopes } from '../auth/scopes.decorator.js';
import type { JobKind, JobRequest } from '../jobs/job-kinds.js';
import type { SubmitAnswer } from '../jobs/job-view.js';
import { JobsService } from '../jobs/jobs.service.js';
import { CapacityForecastRequestDto, StaffingPlanRequestDto } from './planning.dto.js';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'same key and body → the same job; same key, other body → 422' };

/** Staffing plans and capacity forecasts: each request becomes a job (202), solved by a worker. */
@ApiTags('planning')
@Controller('v1')
export class PlanningController {
  constructor(private readonly jobs: JobsService) {}

  @Post('staffing-plans')
  @Scopes('plans:write')
  @HttpCode(202)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Plan who works how many hours on which role line in which week' })
  @ApiAcceptedResponse({ description: '{jobId, status, links: {self, result}}' })
  submitStaffingPlan(@Body() body: StaffingPlanRequestDto, @Req() request: AuthenticatedRequest, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) response: Response): Promise<SubmitAnswer> {
    return this.submit('staffing-plan', body, request, key, response);
  }

  @Post('capacity-forecasts')
  @Scopes('plans:write')
  @HttpCode(202)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Capacity, demand and gap per skill × location × week' })
  @ApiAcceptedResponse({ description: '{jobId, status, links: {self, result}}' })
  submitCapacityForecast(@Body() body: CapacityForecastRequestDto, @Req() request: AuthenticatedRequest, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) response: Response): Promise<SubmitAnswer> {
    return this.submit('capacity-forecast', body, request, key, response);
  }

  @Get('capacity-forecasts/latest')
  @Scopes('plans:read')
  @ApiOperation({ summary: 'The newest completed capacity forecast document' })
  async latestCapacityForecast(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    const latest = await this.jobs.latestResult('capacity-forecast');
    response.setHeader('X-Job-Id', latest.job.id);
    return latest.document;
  }

  private async submit<K extends JobKind>(kind: K, body: JobRequest<K>, request: AuthenticatedRequest, key: string | undefined, response: Response): Promise<SubmitAnswer> {
    const outcome = await this.jobs.submit(kind, body, { apiKeyId: request.principal?.keyId ?? 'anonymous', idempotencyKey: key });
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', outcome.answer.links.self);
    return outcome.answer;
  }
}
