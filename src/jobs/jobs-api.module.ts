import { Module } from '@nestjs/common';
import { SnapshotModule } from '../snapshot/snapshot.module.js';
import { JobsQueueModule } from './jobs-queue.module.js';
import { JobsController } from './jobs.controller.js';
import { JobsReadiness } from './jobs-readiness.js';
import { JobsService } from './jobs.service.js';

/** The API role's side of jobs: submit (JobsService, for every product controller), read and cancel. */
@Module({
  imports: [JobsQueueModule, SnapshotModule],
  controllers: [JobsController],
  providers: [JobsService, JobsReadiness],
  exports: [JobsService],
})
export class JobsApiModule {}
