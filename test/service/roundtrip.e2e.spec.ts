import { describe, expect, it, jest } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Scenario } from '../../solver/types.js';
import { loadCommand } from '../../src/cli/commands/load.js';
import { canonicalRecord } from '../../src/ingestion/shared/canonical.js';
import { ScenarioSnapshotService } from '../../src/snapshot/scenario-snapshot.service.js';
import { ADMIN_KEY, STORES, createStore, serviceForBlock, startService, type TestService } from './harness.js';
import { sampleScenario } from './sample-scenario.js';

const NORTHWIND = join(process.cwd(), 'fixtures', 'northwind-consulting.json');

/** The store as the solver sees it, in the same canonical order as a scenario file sorted by key. */
function sortedCanonical(scenario: Scenario): Scenario {
  const keyOf = (record: Record<string, unknown>) =>
    String(record.id ?? record.code ?? (record.billRate !== undefined ? `${record.skill}:${record.level}:${record.currency}` : record.currency));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(canonicalRecord(scenario))) {
    out[name] = Array.isArray(value) ? [...value].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0)) : value;
  }
  return out as Scenario;
}

async function loadThroughCli(service: TestService, scenario: Scenario, batchSize = 2): Promise<{ code: number; output: string }> {
  const file = join(tmpdir(), `staffplan-scenario-${process.pid}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  await service.app.listen(0, '127.0.0.1');
  const { port } = service.app.getHttpServer().address() as AddressInfo;
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    const code = await loadCommand([file, '--url', `http://127.0.0.1:${port}`, '--key', ADMIN_KEY, '--batch-size', String(batchSize)]);
    return { code, output: lines.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe.each(STORES)('loading a scenario and reading it back (%s)', (kind) => {
  const service = serviceForBlock(kind);

  it('loads every collection through the API in batches and reports the counts per collection', async () => {
    const { code, output } = await loadThroughCli(service, sampleScenario());
    expect(code).toBe(0);
    expect(output).toContain('employees: sent 3, created 3, updated 0, unchanged 0, stale 0, errors 0');
    expect(output).toContain('opportunities: sent 3, created 3');
    expect(output).toContain('hiringPolicy: sent 1, created 1');
  });

  it('reads the whole store back as the same scenario through ScenarioSnapshotService', async () => {
    const snapshot = await service.app.get(ScenarioSnapshotService).load();
    expect(snapshot).toEqual(sortedCanonical(sampleScenario()));
  });

  it('keeps every accepted record across a restart on the same database', async () => {
    const before = await service.app.get(ScenarioSnapshotService).load();
    await service.restart();
    expect(await service.app.get(ScenarioSnapshotService).load()).toEqual(before);
    const employee = await service.get('/v1/hcm/employees/emp-1').expect(200);
    expect(employee.body.skills).toHaveLength(2);
  });

  it('answers a replay of the whole scenario with unchanged only', async () => {
    const { code, output } = await loadThroughCli(service, sampleScenario());
    expect(code).toBe(0);
    expect(output).toContain('employees: sent 3, created 0, updated 0, unchanged 3, stale 0, errors 0');
    expect(output).toContain('rateCards: sent 3, created 0, updated 0, unchanged 3');
  });

  const northwind = existsSync(NORTHWIND) ? it : it.skip;
  northwind('round-trips the Northwind fixture unchanged', async () => {
    const fixture = JSON.parse(readFileSync(NORTHWIND, 'utf8')) as Scenario;
    const fresh = await createStore(kind);
    const other = await startService(fresh);
    try {
      const started = performance.now();
      const { code } = await loadThroughCli(other, fixture, 500);
      process.stderr.write(`northwind load (${kind}): ${Math.round(performance.now() - started)} ms\n`);
      expect(code).toBe(0);
      expect(await other.app.get(ScenarioSnapshotService).load()).toEqual(sortedCanonical(fixture));
    } finally {
      await other.close();
      await fresh.drop();
    }
  });
});
