/**
 * Reference values of a generated scenario, computed once and cached beside it: the exact MIP optimum
 * (S, M: HiGHS up to 10 minutes, its own gap reported), the LP relaxation with headcount (HiGHS, when it
 * fits), the loose headcount-free LP, and a Lagrangian bound that works at every size. The tightest
 * valid bound is kept, labelled with the relaxation it comes from.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { PlanningProblem } from '../solver/types.js';
import { greedyStaffing } from './baselines/greedy.js';
import { lagrangianBound } from './baselines/lagrangian.js';
import { estimatedColumns, MAX_WASM_COLUMNS, solveMonolithic, type MonolithicOutcome } from './baselines/monolithic.js';
import { scenarioCachePath } from './generate.js';
import type { BenchmarkSize } from './sizes.js';
import { scoreStaffing } from './staffing.js';

export interface LabelledValue {
  value: number;
  kind: string;
}

export interface SolveRecord {
  status: string;
  value: number | null;
  dualBound?: number;
  mipGap?: number;
  coverage?: number;
  timeSeconds: number;
  message?: string;
}

export interface ReferenceValues {
  size: string;
  seed: number;
  exactMip?: SolveRecord;
  lpRelaxation?: SolveRecord;
  headcountFreeLp?: SolveRecord;
  lagrangian: { value: number; coverage: number; iterations: number; timeSeconds: number };
  /** The tightest valid upper bound on the objective value. */
  bound: LabelledValue;
  /** A valid upper bound on coverage (headcount kept). */
  coverageBound: LabelledValue;
  /** What "coverage vs reference" divides by: the exact optimum's coverage at S/M, else the coverage bound. */
  referenceCoverage: LabelledValue;
}

export interface ReferenceOptions {
  exactMipTimeLimitSeconds: number;
  lpTimeLimitSeconds: number;
}

export function referenceCachePath(size: BenchmarkSize, seed: number): string {
  return scenarioCachePath(size, seed).replace('.scenario.json', '.reference.json');
}

export function loadReference(size: BenchmarkSize, seed: number): ReferenceValues | null {
  const path = referenceCachePath(size, seed);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ReferenceValues) : null;
}

function record(problem: PlanningProblem, outcome: MonolithicOutcome): SolveRecord {
  const result: SolveRecord = { status: outcome.status, value: Number.isFinite(outcome.objective) ? outcome.objective : null, timeSeconds: (outcome.buildMs + outcome.solveMs) / 1000 };
  if (outcome.dualBound !== undefined) result.dualBound = outcome.dualBound;
  if (outcome.mipGap !== undefined) result.mipGap = outcome.mipGap;
  if (outcome.hours) result.coverage = scoreStaffing(problem, outcome.hours).coverage;
  if (outcome.message) result.message = outcome.message;
  return result;
}

function tightest(candidates: (LabelledValue | null)[]): LabelledValue {
  return candidates.filter((c): c is LabelledValue => c !== null && Number.isFinite(c.value)).sort((a, b) => a.value - b.value)[0];
}

/** Sizes whose exact MIP is attempted (the monolithic model is hopeless beyond M, STACK.md). */
const EXACT_SIZES = new Set(['S', 'M']);
/** Sizes whose full LP relaxation is attempted in HiGHS WebAssembly (XXL exceeds its memory). */
const LP_SIZES = new Set(['S', 'M', 'L', 'XL']);

export async function computeReference(size: BenchmarkSize, seed: number, problem: PlanningProblem, options: ReferenceOptions, log: (text: string) => void): Promise<ReferenceValues> {
  const greedy = scoreStaffing(problem, greedyStaffing(problem));
  let started = performance.now();
  const valueBound = lagrangianBound(problem, { objective: 'value', lowerBound: greedy.value, maxIterations: 600, timeLimitSeconds: 300 });
  const coverageBound = lagrangianBound(problem, { objective: 'coverage', lowerBound: greedy.coverage, maxIterations: 600, timeLimitSeconds: 300 });
  const reference: ReferenceValues = {
    size: size.name,
    seed,
    lagrangian: { value: valueBound.bound, coverage: coverageBound.bound, iterations: valueBound.iterations + coverageBound.iterations, timeSeconds: (performance.now() - started) / 1000 },
    bound: { value: valueBound.bound, kind: valueBound.kind },
    coverageBound: { value: coverageBound.bound, kind: coverageBound.kind },
    referenceCoverage: { value: coverageBound.bound, kind: coverageBound.kind },
  };
  log(`lagrangian bounds: value ${valueBound.bound.toFixed(0)}, coverage ${coverageBound.bound.toFixed(1)} (${reference.lagrangian.timeSeconds.toFixed(1)} s)`);
  const tooBig = estimatedColumns(problem) > MAX_WASM_COLUMNS;
  if (LP_SIZES.has(size.name) && !tooBig) {
    reference.headcountFreeLp = record(problem, await solveMonolithic(problem, { backend: 'highs', timeLimitSeconds: options.lpTimeLimitSeconds, headcountFree: true }));
    log(`headcount-free LP: ${reference.headcountFreeLp.status} ${reference.headcountFreeLp.value} (${reference.headcountFreeLp.timeSeconds.toFixed(1)} s)`);
    reference.lpRelaxation = record(problem, await solveMonolithic(problem, { backend: 'highs', timeLimitSeconds: options.lpTimeLimitSeconds, relaxed: true }));
    log(`LP relaxation with headcount: ${reference.lpRelaxation.status} ${reference.lpRelaxation.value} (${reference.lpRelaxation.timeSeconds.toFixed(1)} s)`);
  } else {
    const why = tooBig ? 'model beyond the WebAssembly memory ceiling' : 'not attempted at this size (WebAssembly memory)';
    reference.lpRelaxation = { status: 'skipped', value: null, timeSeconds: 0, message: why };
  }
  if (EXACT_SIZES.has(size.name)) {
    started = performance.now();
    reference.exactMip = record(problem, await solveMonolithic(problem, { backend: 'highs', timeLimitSeconds: options.exactMipTimeLimitSeconds }));
    log(`exact MIP: ${reference.exactMip.status} ${reference.exactMip.value} gap ${reference.exactMip.mipGap} (${reference.exactMip.timeSeconds.toFixed(1)} s)`);
    if (reference.exactMip.coverage !== undefined) {
      const proven = reference.exactMip.status === 'optimal';
      reference.referenceCoverage = { value: reference.exactMip.coverage, kind: proven ? 'exact MIP optimum' : `MIP incumbent (gap ${((reference.exactMip.mipGap ?? NaN) * 100).toFixed(2)} %)` };
    }
  }
  const lp = reference.lpRelaxation;
  const free = reference.headcountFreeLp;
  const mip = reference.exactMip;
  reference.bound = tightest([
    reference.bound,
    lp?.status === 'optimal' && lp.value !== null ? { value: lp.value, kind: 'lp-relaxation-with-headcount' } : null,
    free?.status === 'optimal' && free.value !== null ? { value: free.value, kind: 'lp-headcount-free' } : null,
    mip?.dualBound !== undefined ? { value: mip.dualBound, kind: mip.status === 'optimal' ? 'exact-mip-optimum' : 'mip-dual-bound' } : null,
  ]);
  return reference;
}

export function saveReference(size: BenchmarkSize, seed: number, reference: ReferenceValues): void {
  writeFileSync(referenceCachePath(size, seed), JSON.stringify(reference, null, 2));
}
