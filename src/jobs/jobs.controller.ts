import { Controller, Delete, Get, HttpCode, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/api-key.guard.js';
import { Scopes } from '../auth/scopes.decorator.js';
import { assertMayCancel, assertMayRead, documentForCaller, JOB_CANCELLER_SCOPES, JOB_READER_SCOPES } from './job-access.js';
import type { JobView } from './job-view.js';
import { JobsService } from './jobs.service.js';

/** Every product's job, whatever its kind (DESIGN.md §4). */
@ApiTags('jobs')
@Controller('v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':id')
  @Scopes(...JOB_READER_SCOPES)
  @ApiOperation({ summary: 'Status, progress (phase, percent), attempts, timings, solver statistics and error of a job' })
  async get(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<JobView> {
    const view = await this.jobs.get(id);
    assertMayRead(view.kind, request.principal?.scopes ?? [], id);
    return view;
  }

  @Get(':id/result')
  @Scopes(...JOB_READER_SCOPES)
  @ApiOperation({ summary: 'The document a job produced (a staffing plan: DESIGN.md §7); 409 while it runs or after it failed' })
  async result(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<unknown> {
    const scopes = request.principal?.scopes ?? [];
    const view = await this.jobs.get(id);
    assertMayRead(view.kind, scopes, id);
    return documentForCaller(view.kind, (await this.jobs.result(id)).document, scopes);
  }

  @Delete(':id')
  @Scopes(...JOB_CANCELLER_SCOPES)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel: a queued job is dropped (200); a running one stops and keeps its best result so far (202); a cancelled one answers 200 again; a completed or failed one 409. Per kind: plans:write, or estimates:write for estimates, or hiring:read for hiring forecasts',
  })
  async cancel(@Param('id') id: string, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<JobView> {
    assertMayCancel((await this.jobs.get(id)).kind, request.principal?.scopes ?? [], id);
    const { view, stopping } = await this.jobs.cancel(id);
    if (stopping) response.status(202);
    return view;
  }
}
