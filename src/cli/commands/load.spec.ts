import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadCommand } from './load.js';
import { captureCliOutput } from '../test-support.js';

const ts = '2026-01-01T00:00:00Z';
const skills = ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code, name: code, updatedAt: ts }));

const cli = captureCliOutput('staffplan-load-');
let server: Server | undefined;

/** A real HTTP endpoint on 127.0.0.1 answering every PUT with `reply(items)`. */
async function serve(reply: (items: unknown[]) => { status: number; body: string }): Promise<string> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items?: unknown[] };
      const answer = reply(body.items ?? [body]);
      res.writeHead(answer.status, { 'content-type': answer.body.startsWith('{') ? 'application/json' : 'text/html' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

beforeEach(async () => {
  await writeFile(join(cli.dir, 'scenario.json'), JSON.stringify({ skills }));
});

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('staffplan load', () => {
  it.each([['--help'], ['-h']])('prints its usage with %s and exits 0', async (flag) => {
    expect(await loadCommand([flag])).toBe(0);
    expect(cli.stdout).toMatch(/^usage: staffplan load <scenario.json> --url URL --key KEY/);
    expect(cli.stderr).toBe('');
  });

  it('names item errors by their index in the whole collection, not within the batch', async () => {
    // Every batch reports its first item as bad: with batches of 2, those are items 0, 2 and 4.
    const url = await serve((items) => ({
      status: 200,
      body: JSON.stringify({ created: items.length - 1, updated: 0, unchanged: 0, stale: 0, errors: [{ index: 0, id: (items[0] as { code: string }).code, field: 'name', rule: 'x', message: 'bad' }] }),
    }));
    expect(await loadCommand([join(cli.dir, 'scenario.json'), '--url', url, '--key', 'k', '--batch-size', '2'])).toBe(1);
    expect(cli.stdout).toContain('skills: sent 5, created 2, updated 0, unchanged 0, stale 0, errors 3');
    expect([...cli.stdout.matchAll(/item (\d+) \((\w)\)/g)].map((m) => [Number(m[1]), m[2]])).toEqual([[0, 'a'], [2, 'c'], [4, 'e']]);
  });

  it('reports a 2xx answer whose body is not JSON as a clear error and exits 1', async () => {
    const url = await serve(() => ({ status: 200, body: '<html>proxy login</html>' }));
    expect(await loadCommand([join(cli.dir, 'scenario.json'), '--url', url, '--key', 'k'])).toBe(1);
    expect(cli.stderr).toContain('skills: HTTP 200 but the body is not JSON (is --url the staffplan service?): "<html>proxy login</html>"');
  });

  it('reports a 2xx JSON answer that is not an ingestion answer as a clear error and exits 1', async () => {
    const url = await serve(() => ({ status: 200, body: '{"ok":true}' }));
    expect(await loadCommand([join(cli.dir, 'scenario.json'), '--url', url, '--key', 'k'])).toBe(1);
    expect(cli.stderr).toContain('HTTP 200 but the body is not an ingestion answer');
  });
});
