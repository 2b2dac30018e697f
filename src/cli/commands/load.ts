/**
 * `staffplan load <scenario.json> --url URL --key KEY [--batch-size N]`: loads a scenario file into a
 * running service through its own ingestion API, collection by collection in batches, and prints the
 * counts the service answers. Exit code 0 when every batch was accepted without item errors, 1 when the
 * service rejected a batch or reported item errors, 2 for a usage error.
 */
import { readFile } from 'node:fs/promises';
import {
  INGESTION_ROUTES,
  MAX_BATCH_ITEMS,
  type BatchResult,
  type CollectionName,
} from '../../ingestion/ingestion-routes.js';

interface LoadArgs {
  file: string;
  url: string;
  key: string;
  batchSize: number;
}

export const LOAD_USAGE = 'usage: staffplan load <scenario.json> --url URL --key KEY [--batch-size N] [--help]';

/** `--help` / `-h`: print the usage and stop (no scenario, URL or key needed). */
const HELP_FLAGS = new Set(['--help', '-h']);

export async function loadCommand(argv: string[]): Promise<number> {
  const args = parseLoadArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${LOAD_USAGE}\n`);
    return 0;
  }
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${LOAD_USAGE}\n`);
    return 2;
  }
  let scenario: Record<string, unknown>;
  try {
    scenario = JSON.parse(await readFile(args.file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    process.stderr.write(`staffplan load: cannot read ${args.file}: ${(error as Error).message}\n`);
    return 2;
  }
  let failed = false;
  for (const route of INGESTION_ROUTES) {
    const items = itemsOf(scenario, route.collection);
    if (items.length === 0) continue;
    const total = emptyTotals();
    for (const { offset, batch } of chunk(items, args.batchSize)) {
      const outcome = await sendBatch(args, route.path, route.collection, batch);
      if (typeof outcome === 'string') {
        process.stderr.write(`${route.collection}: ${outcome}\n`);
        failed = true;
        break;
      }
      addTotals(total, outcome, offset);
    }
    failed = failed || total.errors.length > 0;
    process.stdout.write(formatTotals(route.collection, items.length, total));
  }
  return failed ? 1 : 0;
}

/** The arguments, `'help'` when help was asked for, or the usage mistake as a message. */
export function parseLoadArgs(argv: string[]): LoadArgs | 'help' | string {
  if (argv.some((arg) => HELP_FLAGS.has(arg))) return 'help';
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) return `missing value for --${name}`;
      options.set(name, value);
    } else {
      positional.push(arg);
    }
  }
  const file = positional[0];
  const url = options.get('url') ?? process.env.STAFFPLAN_URL;
  const key = options.get('key') ?? process.env.STAFFPLAN_KEY;
  const batchSize = Number(options.get('batch-size') ?? 500);
  if (!file) return 'missing <scenario.json>';
  if (!url) return 'missing --url (or STAFFPLAN_URL)';
  if (!key) return 'missing --key (or STAFFPLAN_KEY)';
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_ITEMS) {
    return `--batch-size must be an integer between 1 and ${MAX_BATCH_ITEMS}`;
  }
  return { file, url: url.replace(/\/+$/, ''), key, batchSize };
}

/** The hiring policy is one object in a scenario; every other collection is an array. */
function itemsOf(scenario: Record<string, unknown>, collection: CollectionName): unknown[] {
  const value = scenario[collection];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

async function sendBatch(
  args: LoadArgs,
  path: string,
  collection: CollectionName,
  batch: unknown[],
): Promise<BatchResult | string> {
  // The hiring policy endpoint takes the single policy as its body; the others take { items }.
  const body = collection === 'hiringPolicy' ? batch[0] : { items: batch };
  let response: Response;
  try {
    response = await fetch(`${args.url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${args.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return `cannot reach ${args.url}: ${(error as Error).message}`;
  }
  const text = await response.text();
  if (!response.ok) return `HTTP ${response.status}: ${text}`;
  return batchResultOf(response.status, text);
}

/** A 2xx that is not the ingestion answer (a proxy's HTML page, say) is a clear error, not a crash. */
export function batchResultOf(status: number, text: string): BatchResult | string {
  const excerpt = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `HTTP ${status} but the body is not JSON (is --url the staffplan service?): ${excerpt}`;
  }
  const result = parsed as Partial<BatchResult> | null;
  const counts = [result?.created, result?.updated, result?.unchanged, result?.stale];
  if (!result || typeof result !== 'object' || !Array.isArray(result.errors) || counts.some((n) => typeof n !== 'number')) {
    return `HTTP ${status} but the body is not an ingestion answer {created, updated, unchanged, stale, errors}: ${excerpt}`;
  }
  return result as BatchResult;
}

/** The batches with the index of their first item in the whole collection. */
function chunk<T>(items: T[], size: number): { offset: number; batch: T[] }[] {
  const batches: { offset: number; batch: T[] }[] = [];
  for (let i = 0; i < items.length; i += size) batches.push({ offset: i, batch: items.slice(i, i + size) });
  return batches;
}

function emptyTotals(): BatchResult {
  return { created: 0, updated: 0, unchanged: 0, stale: 0, errors: [] };
}

/** Item errors name the item's index in the batch; the totals name it in the whole collection. */
export function addTotals(total: BatchResult, batch: BatchResult, offset: number): void {
  total.created += batch.created;
  total.updated += batch.updated;
  total.unchanged += batch.unchanged;
  total.stale += batch.stale;
  total.errors.push(...batch.errors.map((error) => ({ ...error, index: error.index + offset })));
}

function formatTotals(collection: string, sent: number, total: BatchResult): string {
  const line =
    `${collection}: sent ${sent}, created ${total.created}, updated ${total.updated}, ` +
    `unchanged ${total.unchanged}, stale ${total.stale}, errors ${total.errors.length}\n`;
  const details = total.errors
    .slice(0, 20)
    .map((e) => `  item ${e.index} (${e.id ?? '?'}) ${e.field}: ${e.message}\n`)
    .join('');
  return line + details;
}
