import { Body, Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { hiringSignalsCsv, type HiringForecast, type HiringSignal } from '../../solver/index.js';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { Scopes } from '../auth/scopes.decorator.js';
import type { JobRequest } from '../jobs/job-kinds.js';
import type { SubmitAnswer } from '../jobs/job-view.js';
import { JobsService } from '../jobs/jobs.service.js';
import { HiringForecastRequestDto, HiringSignalsQueryDto } from './hiring.dto.js';

/** The signals that pass HR's filters: skill and location exact, needed-by within [from, to]. */
export function filterSignals(signals: readonly HiringSignal[], query: HiringSignalsQueryDto): HiringSignal[] {
  return signals.filter(
    (s) =>
      (query.skill === undefined || s.skill === query.skill) &&
      (query.location === undefined || s.location === query.location) &&
      (query.from === undefined || s.neededBy >= query.from) &&
      (query.to === undefined || s.neededBy <= query.to),
  );
}

/**
 * Hiring forecasts for HR (issue 5): POST makes a `hiring-forecast` job on the stored snapshot (its
 * completion emits hiring-forecast.updated); GET …/latest reads the newest one, filtered, as JSON or CSV.
 */
@ApiTags('hiring')
@Controller('v1/hiring-forecasts')
export class HiringController {
  constructor(private readonly jobs: JobsService) {}

  @Post()
  @Scopes('plans:write', 'hiring:read')
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Hire / contract / reskill signals from the capacity forecast over CRM and MAS demand' })
  @ApiAcceptedResponse({ description: '{jobId, status, links}' })
  async create(@Body() body: HiringForecastRequestDto, @Req() request: AuthenticatedRequest, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) response: Response): Promise<SubmitAnswer> {
    const outcome = await this.jobs.submit('hiring-forecast', body as unknown as JobRequest<'hiring-forecast'>, { apiKeyId: request.principal?.keyId ?? 'anonymous', idempotencyKey: key });
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', outcome.answer.links.self);
    return outcome.answer;
  }

  @Get('latest')
  @Scopes('hiring:read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'The newest hiring forecast, its signals filtered by skill, location and needed-by range' })
  async latest(@Query() query: HiringSignalsQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) response: Response): Promise<unknown> {
    const { job, document } = await this.jobs.latestResult('hiring-forecast');
    const forecast = document as HiringForecast;
    const signals = filterSignals(forecast.signals, query);
    response.setHeader('X-Job-Id', job.id);
    if (query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/.test(accept ?? ''))) {
      response.type('text/csv');
      return hiringSignalsCsv({ signals });
    }
    return { ...forecast, signals, jobId: job.id };
  }

  @Get('in-demand-skills')
  @Scopes('hiring:read')
  @ApiOperation({ summary: 'Skills ranked by shortage hours and by revenue at stake (newest hiring forecast)' })
  async inDemandSkills(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    const { job, document } = await this.jobs.latestResult('hiring-forecast');
    const forecast = document as HiringForecast;
    response.setHeader('X-Job-Id', job.id);
    return { jobId: job.id, horizon: forecast.horizon, baseCurrency: forecast.baseCurrency, skills: forecast.inDemandSkills };
  }
}
