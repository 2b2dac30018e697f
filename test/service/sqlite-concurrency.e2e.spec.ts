import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { createStore, type TestStore } from './harness.js';

const run = promisify(execFile);
const WRITER = join(process.cwd(), 'test/service/fixtures/sqlite-writer.mjs');
/** Enough rounds that the two processes overlap for a few seconds (without BEGIN IMMEDIATE most runs hit SQLITE_BUSY_SNAPSHOT). */
const ROUNDS = 200;

interface WriterReport {
  done: number;
  errors: string[];
  busyTimeout: number;
}

async function writer(file: string): Promise<WriterReport> {
  const { stdout } = await run(process.execPath, [WRITER, file, String(ROUNDS)], { timeout: 60_000 });
  return JSON.parse(stdout) as WriterReport;
}

describe('SQLite shared by two processes (api and worker on one machine)', () => {
  let store: TestStore;
  let file: string;

  beforeAll(async () => {
    store = await createStore('sqlite');
    file = store.env.DATABASE_URL.slice('sqlite:'.length);
    // The schema as the service creates it, plus a counter both processes increment.
    const dataSource = await new DataSource(dataSourceOptions({ kind: 'better-sqlite3', url: file })).initialize();
    await dataSource.query('CREATE TABLE test_counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    await dataSource.query('INSERT INTO test_counter (id, n) VALUES (1, 0)');
    await dataSource.destroy();
  });

  afterAll(async () => {
    await store?.drop();
  });

  it('runs interleaved read-then-write transactions of two processes without SQLITE_BUSY_SNAPSHOT or a lost update', async () => {
    const reports = await Promise.all([writer(file), writer(file)]);
    for (const report of reports) expect(report).toEqual({ done: ROUNDS, errors: [], busyTimeout: 5000 });
    const dataSource = await new DataSource({ ...dataSourceOptions({ kind: 'better-sqlite3', url: file }), migrationsRun: false }).initialize();
    try {
      const [row] = await dataSource.query('SELECT n FROM test_counter WHERE id = 1');
      expect(row.n).toBe(2 * ROUNDS);
    } finally {
      await dataSource.destroy();
    }
  });
});
