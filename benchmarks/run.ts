/**
 * `npm run bench -- --sizes S,M,L,XL [--seed N] [--mip-time-limit S] [--baselines greedy,mip,jslp] [--out FILE]`
 *
 * For each size: generate (or load) the scenario, compute (or load) its reference values, then run
 * staffplan and each baseline in its own child process (clean peak memory), score every plan the
 * same way, check it, and print/write the side-by-side table. XXL runs only on its own.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildOptions } from './contender.js';
import { loadReference, type ReferenceValues } from './reference.js';
import { markdownTable, referenceNotes, textTable } from './report.js';
import type { ContenderName, ContenderResult } from './result.js';
import { parseSize, type BenchmarkSize } from './sizes.js';

interface RunArguments {
  sizes: BenchmarkSize[];
  seed: number;
  baselines: ContenderName[];
  skipStaffplan: boolean;
  out?: string;
  child: ChildOptions;
}

function parseArguments(argv: string[]): RunArguments {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const sizes = (value('sizes') ?? 'S,M').split(',').map(parseSize);
  if (sizes.some((size) => size.name === 'XXL') && sizes.length > 1) throw new Error('--sizes XXL runs alone');
  const baselines = (value('baselines') ?? 'greedy,mip,jslp').split(',').filter(Boolean) as ContenderName[];
  for (const name of baselines) if (!['greedy', 'mip', 'jslp'].includes(name)) throw new Error(`unknown baseline ${name}`);
  const staffplanLimit = value('staffplan-time-limit');
  return {
    sizes,
    seed: Number(value('seed') ?? 1),
    baselines,
    skipStaffplan: argv.includes('--no-staffplan'),
    out: value('out'),
    child: {
      mipTimeLimitSeconds: Number(value('mip-time-limit') ?? 300),
      jslpTimeLimitSeconds: Number(value('jslp-time-limit') ?? 60),
      exactMipTimeLimitSeconds: Number(value('exact-mip-time-limit') ?? 600),
      referenceLpTimeLimitSeconds: Number(value('reference-lp-time-limit') ?? 600),
      ...(staffplanLimit ? { staffplanTimeLimitSeconds: Number(staffplanLimit) } : {}),
    },
  };
}

const here = dirname(fileURLToPath(import.meta.url));

/** Runs one child; a child that overruns `killAfterSeconds` (a frozen solver) is killed and reported. */
function runChild(size: BenchmarkSize, seed: number, contender: string, options: ChildOptions, killAfterSeconds: number): Promise<unknown> {
  return new Promise((resolve) => {
    const child = fork(join(here, 'contender.js'), [size.name, String(seed), contender, JSON.stringify(options)], { execArgv: ['--expose-gc', '--max-old-space-size=6144'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: unknown = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterSeconds * 1000);
    child.on('message', (message) => (answer = message));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(answer ?? { error: signal ? `killed (${signal}) after ${killAfterSeconds} s` : `exited with code ${code} without an answer` });
    });
  });
}

function killAfter(contender: string, options: ChildOptions): number {
  if (contender === 'reference') return options.exactMipTimeLimitSeconds + 3 * options.referenceLpTimeLimitSeconds + 900;
  if (contender === 'mip') return options.mipTimeLimitSeconds + 600;
  if (contender === 'jslp') return options.jslpTimeLimitSeconds * 3 + 60;
  return 1800;
}

function failedResult(size: BenchmarkSize, seed: number, contender: ContenderName, status: string, message: string): ContenderResult {
  return { size: size.name, seed, contender, status, message, timeSeconds: null, peakMB: 0, objective: null, coverage: null, margin: null, unmetExpectedHours: null, checker: 'not run' };
}

async function runContender(size: BenchmarkSize, seed: number, contender: ContenderName, options: ChildOptions): Promise<ContenderResult> {
  if (contender === 'jslp' && size.name !== 'S') return failedResult(size, seed, contender, 'skipped', 'javascript-lp-solver runs at S only (dense tableau: 1.9 GB at 200 people on the plain LP, STACK.md)');
  const answer = (await runChild(size, seed, contender, options, killAfter(contender, options))) as ContenderResult | { error: string };
  return 'error' in answer && !('contender' in answer) ? failedResult(size, seed, contender, 'killed', answer.error) : (answer as ContenderResult);
}

function compare(results: ContenderResult[], reference: ReferenceValues | null): void {
  const greedy = results.find((r) => r.contender === 'greedy' && r.coverage !== null)?.coverage ?? null;
  for (const result of results) {
    if (result.coverage === null) continue;
    result.coverageVsReference = reference ? result.coverage / reference.referenceCoverage.value : null;
    result.coverageVsGreedy = greedy ? result.coverage / greedy - 1 : null;
  }
}

async function benchmarkSize(size: BenchmarkSize, args: RunArguments): Promise<{ results: ContenderResult[]; reference: ReferenceValues | null }> {
  console.error(`\n== ${size.name}: ${size.people} people × ${size.lines} lines × ${size.weeks} weeks, seed ${args.seed}`);
  const referenceAnswer = await runChild(size, args.seed, 'reference', args.child, killAfter('reference', args.child));
  if (referenceAnswer && typeof referenceAnswer === 'object' && 'error' in referenceAnswer) console.error(`  reference: ${(referenceAnswer as { error: string }).error}`);
  const reference = loadReference(size, args.seed);
  const contenders: ContenderName[] = [...(args.skipStaffplan ? [] : ['staffplan' as const]), ...args.baselines];
  const results: ContenderResult[] = [];
  for (const contender of contenders) {
    const result = await runContender(size, args.seed, contender, args.child);
    console.error(`  ${contender}: ${result.status} in ${result.timeSeconds ?? '—'} s, coverage ${result.coverage?.toFixed(1) ?? '—'}, checker ${result.checker}`);
    results.push(result);
  }
  compare(results, reference);
  return { results, reference };
}

function writeOutputs(args: RunArguments, results: ContenderResult[], references: Record<string, ReferenceValues | null>, startedAt: Date): void {
  const outDir = join(process.cwd(), 'benchmarks', 'out');
  mkdirSync(outDir, { recursive: true });
  const machine = machineInfo();
  const document = { startedAt: startedAt.toISOString(), seed: args.seed, sizes: args.sizes.map((s) => s.name), options: args.child, machine, references, results };
  const json = JSON.stringify(document, null, 2);
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  writeFileSync(args.out ?? join(outDir, `bench-${stamp}.json`), json);
  writeFileSync(join(outDir, 'latest.json'), json);
  const markdown = [`Benchmark ${startedAt.toISOString().slice(0, 10)}, seed ${args.seed}, ${machine.cpus}, Node ${process.version}; MIP time limit ${args.child.mipTimeLimitSeconds} s.`, '', markdownTable(results), '', 'Reference values:', referenceNotes(references), ''].join('\n');
  writeFileSync(join(outDir, 'latest.md'), markdown);
}

function machineInfo() {
  return { node: process.version, platform: process.platform, arch: process.arch, cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, totalMemGB: Math.round(totalmem() / 2 ** 30) };
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const startedAt = new Date();
  const results: ContenderResult[] = [];
  const references: Record<string, ReferenceValues | null> = {};
  for (const size of args.sizes) {
    const outcome = await benchmarkSize(size, args);
    results.push(...outcome.results);
    references[size.name] = outcome.reference;
  }
  console.log(textTable(results));
  console.log(`\nReference values:\n${referenceNotes(references)}`);
  writeOutputs(args, results, references, startedAt);
}

await main();
