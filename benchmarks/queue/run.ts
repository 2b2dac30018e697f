/**
 * Queue overhead benchmark (issue 4): `npm run build && node dist/benchmarks/queue/run.js [jobs]`.
 * Boots the API role in this process (temp SQLite, its own prefix on REDIS_URL) and 1 or 2 worker
 * processes, submits trivial staffing plans (an empty firm, so solving costs ~nothing) and reports
 * - latency: one job at a time, submit → active (queue wait) and active → done minus solver time;
 * - throughput: a burst of jobs, completed jobs per second, with 1 and 2 workers.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource, In } from 'typeorm';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { deletePrefixedKeys } from '../../src/jobs/redis-keys.js';
import { JobEntity } from '../../src/jobs/job.entity.js';
import { JobsService } from '../../src/jobs/jobs.service.js';

const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const LATENCY_JOBS = 30;
const BURST_JOBS = Number(process.argv[2] ?? 200);

interface Sample {
  queuedMs: number;
  runMs: number;
  solverMs: number;
  totalMs: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'staffplan-queue-bench-'));
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    BULLMQ_PREFIX: `qbench${process.pid}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    LOG_LEVEL: 'silent',
    STAFFPLAN_ADMIN_KEY: 'sp_queuebench_aaaaaaaaaaaaaaaaaaaaaaaa',
    JOB_HEARTBEAT_MS: '500',
    JOB_KEEP_COMPLETED: '100',
  };
  const app = await createHttpApp('api', loadConfig(env));
  const jobs = app.get(JobsService);
  const rows = app.get(DataSource).getRepository(JobEntity);
  let serial = 0;
  const submit = async () => (await jobs.submit('staffing-plan', { horizon: { from: '2027-01-04', weeks: 1 }, opportunityIds: [`bench-${serial++}`] }, { apiKeyId: 'bench' })).answer.jobId;
  const waitAll = async (ids: string[]) => {
    while ((await rows.countBy({ id: In(ids), status: 'completed' })) < ids.length) await sleep(5);
  };
  const workers: ChildProcess[] = [];
  const startWorkers = async (count: number) => {
    while (workers.length < count) workers.push(spawn(process.execPath, [MAIN, 'worker'], { env: { ...process.env, ...env }, stdio: 'ignore' }));
    await waitAll([await submit()]); // warm: the workers are up and consuming
  };
  try {
    await startWorkers(1);
    const samples: Sample[] = [];
    for (let i = 0; i < LATENCY_JOBS; i++) {
      const started = Date.now();
      const id = await submit();
      await waitAll([id]);
      const total = Date.now() - started;
      const job = (await rows.findOneByOrFail({ id }));
      const solverMs = Number((job.stats?.solver as { timeMs?: number } | undefined)?.timeMs ?? 0);
      samples.push({ queuedMs: Date.parse(job.startedAt!) - Date.parse(job.createdAt), runMs: Date.parse(job.finishedAt!) - Date.parse(job.startedAt!), solverMs, totalMs: total });
    }
    const report = (name: keyof Sample) => `${name} p50 ${percentile(samples.map((s) => s[name]), 50).toFixed(1)} ms, p95 ${percentile(samples.map((s) => s[name]), 95).toFixed(1)} ms`;
    console.log(`latency, one job at a time (${LATENCY_JOBS} jobs, 1 worker):`);
    for (const name of ['queuedMs', 'runMs', 'solverMs', 'totalMs'] as const) console.log(`  ${report(name)}`);
    const overhead = samples.map((s) => s.totalMs - s.solverMs);
    console.log(`  queue overhead per job (submit → done minus solver time): p50 ${percentile(overhead, 50).toFixed(1)} ms, p95 ${percentile(overhead, 95).toFixed(1)} ms`);

    for (const count of [1, 2]) {
      await startWorkers(count);
      const started = Date.now();
      const ids = [];
      for (let i = 0; i < BURST_JOBS; i++) ids.push(await submit());
      await waitAll(ids);
      const seconds = (Date.now() - started) / 1000;
      console.log(`throughput with ${count} worker(s): ${BURST_JOBS} jobs in ${seconds.toFixed(2)} s = ${(BURST_JOBS / seconds).toFixed(1)} jobs/s`);
    }
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    // Workers gone before the keys are deleted, so none writes a key back afterwards.
    await Promise.all(workers.map((worker) => (worker.exitCode === null && worker.signalCode === null ? once(worker, 'exit') : undefined)));
    await app.close();
    // The queue prefix is this run's own: leave the shared Redis as it was found.
    await deletePrefixedKeys(env.REDIS_URL, env.BULLMQ_PREFIX);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
