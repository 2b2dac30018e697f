/**
 * Estimate latency through the API (issue 5: an estimate of a fixture opportunity answers in < 2 s).
 * Boots the real service in the `all` role (API + worker, solver thread) on a temp SQLite store and the
 * local Redis, loads fixtures/northwind-consulting.json with the CLI's load command, then times
 * POST /v1/estimates (client wall clock, request to answer) for each open or won opportunity, ROUNDS
 * times each with a fresh body so no answer is reused. Prints a JSON summary.
 *
 *   npm run build && node dist/benchmarks/estimates/latency.js [ROUNDS=3] [WINDOW_WEEKS=8]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../src/bootstrap.js';
import { loadCommand } from '../../src/cli/commands/load.js';
import { loadConfig } from '../../src/config/app-config.js';
import { deletePrefixedKeys } from '../../src/jobs/redis-keys.js';
import type { Scenario } from '../../solver/types.js';

const KEY = 'sp_benchadmin_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const FIXTURE = join(process.cwd(), 'fixtures', 'northwind-consulting.json');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timedEstimate(base: string, body: object): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/v1/estimates`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const windowWeeks = Number(process.argv[3] ?? 8);
  const dir = mkdtempSync(join(tmpdir(), 'staffplan-bench-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', STAFFPLAN_ADMIN_KEY: KEY, DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, BULLMQ_PREFIX: `bench_${process.pid}` });
  const app = await createHttpApp('all', config);
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    const loaded = await loadCommand([FIXTURE, '--url', base, '--key', KEY]).finally(() => (process.stdout.write = write));
    if (loaded !== 0) throw new Error(`loading the fixture failed (${loaded})`);
    const scenario = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Scenario;
    const ids = (scenario.opportunities ?? []).filter((o) => o.status !== 'lost').map((o) => o.id).sort();
    const cold = await timedEstimate(base, { opportunityId: ids[0], window: { weeks: windowWeeks }, targetMargin: 0.31 });
    const samples: { id: string; ms: number; status: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const id of ids) samples.push({ id, ...(await timedEstimate(base, { opportunityId: id, window: { weeks: windowWeeks }, targetMargin: round / 100 })) });
    }
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    const round1 = (ms: number) => Math.round(ms);
    const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => ({ id: s.id, ms: round1(s.ms), status: s.status }));
    process.stdout.write(JSON.stringify({
      fixture: 'northwind-consulting.json', windowWeeks, opportunities: ids.length, requests: samples.length,
      coldFirstRequestMs: round1(cold.ms), coldStatus: cold.status,
      p50Ms: round1(percentile(sorted, 50)), p95Ms: round1(percentile(sorted, 95)), maxMs: round1(sorted[sorted.length - 1]),
      answered200: samples.filter((s) => s.status === 200).length, answered202: samples.filter((s) => s.status === 202).length,
      under2s: samples.filter((s) => s.ms < 2000).length, slowest,
    }, null, 2) + '\n');
  } finally {
    await app.close();
    // The queue prefix is this run's own: leave the shared Redis as it was found.
    await deletePrefixedKeys(config.redisUrl, config.webhooks.queuePrefix);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
