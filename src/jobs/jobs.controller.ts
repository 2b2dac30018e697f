import { Controller, Delete, Get, HttpCode, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Scopes } from '../auth/scopes.decorator.js';
import type { JobView } from './job-view.js';
import { JobsService } from './jobs.service.js';

/** Every product's job, whatever its kind (DESIGN.md §4). */
@ApiTags('jobs')
@Controller('v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':id')
  @Scopes('plans:read')
  @ApiOperation({ summary: 'Status, progress (phase, percent), attempts, timings, solver statistics and error of a job' })
  get(@Param('id') id: string): Promise<JobView> {
    return this.jobs.get(id);
  }

  @Get(':id/result')
  @Scopes('plans:read')
  @ApiOperation({ summary: 'The document a job produced (a staffing plan: DESIGN.md §7); 409 while it runs or after it failed' })
  async result(@Param('id') id: string): Promise<unknown> {
    return (await this.jobs.result(id)).document;
  }

  @Delete(':id')
  @Scopes('plans:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel: a queued job is dropped (200); a running one stops and keeps its best result so far (202)' })
  async cancel(@Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<JobView> {
    const { view, stopping } = await this.jobs.cancel(id);
    if (stopping) response.status(202);
    return view;
  }
}
