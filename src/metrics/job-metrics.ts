import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JOBS_QUEUE } from '../jobs/job-queue.js';

const QUEUE_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'] as const;
const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];
const GAPS = [0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

/**
 * The process's Prometheus metrics (its own registry, so several apps in one test process never clash):
 * queue depth per state (read from Redis at scrape time), job wait and run durations, solver time and
 * gap, failures and retries. Jobs are observed in the process whose worker ran them.
 */
@Injectable()
export class JobMetrics {
  readonly registry = new Registry();
  private readonly jobRun = new Histogram({ name: 'staffplan_job_run_seconds', help: 'Time from a job attempt\'s start to its end', labelNames: ['kind', 'status'], buckets: SECONDS, registers: [this.registry] });
  private readonly jobWait = new Histogram({ name: 'staffplan_job_wait_seconds', help: 'Time from submission to the start of the attempt that finished the job', labelNames: ['kind'], buckets: SECONDS, registers: [this.registry] });
  private readonly solverTime = new Histogram({ name: 'staffplan_solver_time_seconds', help: 'Solver time reported in the result document', labelNames: ['kind'], buckets: SECONDS, registers: [this.registry] });
  private readonly solverGap = new Histogram({ name: 'staffplan_solver_gap_ratio', help: 'Relative gap between the plan and its bound', labelNames: ['kind'], buckets: GAPS, registers: [this.registry] });
  private readonly failures = new Counter({ name: 'staffplan_job_failures_total', help: 'Jobs that failed for good, by error code', labelNames: ['kind', 'code'], registers: [this.registry] });
  private readonly retries = new Counter({ name: 'staffplan_job_retries_total', help: 'Failed attempts that will be retried, by error code', labelNames: ['kind', 'code'], registers: [this.registry] });

  private readonly redisErrors = new Counter({ name: 'staffplan_queue_redis_errors_total', help: 'Connection errors of the queue producer\'s Redis client', registers: [this.registry] });

  constructor(@InjectQueue(JOBS_QUEUE) queue: Queue) {
    collectDefaultMetrics({ register: this.registry });
    // Without a listener an 'error' event would crash the process; a Redis outage is counted instead
    // (requests answer 503 meanwhile and readiness reports it).
    queue.on('error', () => this.redisErrors.inc());
    new Gauge({
      name: 'staffplan_queue_jobs',
      help: 'Jobs in the queue per state (Redis keeps a capped number of finished ones)',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        // While Redis is down the gauge is left out of the scrape instead of failing it.
        const counts = await queue.getJobCounts(...QUEUE_STATES).catch(() => null);
        this.reset();
        if (!counts) return;
        for (const state of QUEUE_STATES) this.set({ state }, counts[state] ?? 0);
      },
    });
  }

  finished(kind: string, status: string, timings: { waitMs: number; runMs: number }, solver: { timeMs?: number; gap?: number }): void {
    this.jobRun.observe({ kind, status }, timings.runMs / 1000);
    this.jobWait.observe({ kind }, timings.waitMs / 1000);
    if (typeof solver.timeMs === 'number') this.solverTime.observe({ kind }, solver.timeMs / 1000);
    if (typeof solver.gap === 'number' && Number.isFinite(solver.gap)) this.solverGap.observe({ kind }, Math.max(0, solver.gap));
  }

  failed(kind: string, code: string): void {
    this.failures.inc({ kind, code });
  }

  retried(kind: string, code: string): void {
    this.retries.inc({ kind, code });
  }
}
