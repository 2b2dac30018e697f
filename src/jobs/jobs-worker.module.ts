import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { JobsQueueModule } from './jobs-queue.module.js';
import { JobsWorker, SOLVER_THREAD_OPTIONS } from './jobs.worker.js';
import { pathToFileURL } from 'node:url';
import { defaultSolverThreadOptions, type SolverThreadOptions } from './solver-threads.js';

/** The worker role's consumer of the jobs queue (the solver threads live in it). */
@Module({
  imports: [JobsQueueModule],
  providers: [
    JobsWorker,
    { provide: SOLVER_THREAD_OPTIONS, inject: [APP_CONFIG], useFactory: threadOptions },
  ],
})
export class JobsWorkerModule {}

function threadOptions(config: AppConfig): SolverThreadOptions {
  const options = defaultSolverThreadOptions(config.jobs.threadRecycleAfter);
  const custom = config.jobs.solversModule;
  if (!custom) return options;
  return { ...options, solversModule: custom.startsWith('file://') ? new URL(custom) : pathToFileURL(custom) };
}
