/**
 * Argument parsing shared by the CLI commands (node:util parseArgs, strict): the scenario file, the
 * horizon and scenario filters, and the output switches. Any mistake is a UsageError, which the
 * commands print with their usage and turn into exit code 2.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every solver command accepts. */
export const COMMON_OPTIONS = {
  from: { type: 'string' },
  weeks: { type: 'string' },
  'min-probability': { type: 'string' },
  'count-requested-pto': { type: 'boolean' },
  'time-limit': { type: 'string' },
  backend: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export interface CommonArgs {
  scenarioFile: string;
  from: string;
  weeks: number;
  minProbability: number;
  countRequestedPto: boolean;
  timeLimitSeconds?: number;
  backend?: 'highs' | 'jslp' | 'auto';
  json: boolean;
  out?: string;
  help: boolean;
}

export const DEFAULT_WEEKS = 26;

type Values = Record<string, string | boolean | undefined>;

/** Runs parseArgs strictly and turns its errors into UsageErrors. */
export function parseCommand(argv: string[], options: OptionSpec): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function isoDate(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} YYYY-MM-DD is required`);
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${flag} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function numberIn(value: string | undefined, flag: string, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

function backendOf(value: string | undefined): CommonArgs['backend'] {
  if (value === undefined) return undefined;
  if (value === 'highs' || value === 'jslp' || value === 'auto') return value;
  throw new UsageError(`--backend must be highs, jslp or auto, got ${JSON.stringify(value)}`);
}

/** The common arguments out of parsed values (one positional: the scenario file). */
export function commonArgs(values: Values, positionals: string[]): CommonArgs {
  const help = values.help === true;
  if (help) return { scenarioFile: '', from: '', weeks: DEFAULT_WEEKS, minProbability: 0, countRequestedPto: false, json: false, help };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <scenario.json>' : `unexpected arguments: ${positionals.slice(1).join(' ')}`);
  return {
    scenarioFile: positionals[0],
    from: isoDate(values.from as string | undefined, '--from'),
    weeks: numberIn(values.weeks as string | undefined, '--weeks', 1, 520, true) ?? DEFAULT_WEEKS,
    minProbability: numberIn(values['min-probability'] as string | undefined, '--min-probability', 0, 1) ?? 0,
    countRequestedPto: values['count-requested-pto'] === true,
    timeLimitSeconds: numberIn(values['time-limit'] as string | undefined, '--time-limit', 0.001, 86_400),
    backend: backendOf(values.backend as string | undefined),
    json: values.json === true,
    out: values.out as string | undefined,
    help,
  };
}

/** Reads and parses a JSON file; an unreadable or malformed file is a UsageError naming it. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}
