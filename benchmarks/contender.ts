/**
 * Child process entry: runs ONE contender on one (size, seed) so its peak memory (the process's
 * maxRSS) is measured clean. Sends a ContenderResult to the parent over IPC (or prints it).
 * Usage: node dist/benchmarks/contender.js <size> <seed> <contender|reference> <options JSON>
 */
import { checkPlan } from '../solver/checker/index.js';
import { assemblePlan } from '../solver/plan/assemble.js';
import { buildProblem } from '../solver/problem.js';
import type { PlanningProblem, ProblemSolution, Scenario, SolveStatus, StaffingPlan } from '../solver/types.js';
import { greedyStaffing } from './baselines/greedy.js';
import { solveMonolithic } from './baselines/monolithic.js';
import { loadOrGenerateScenario } from './generate.js';
import { computeReference, loadReference, saveReference } from './reference.js';
import type { ContenderName, ContenderResult } from './result.js';
import { benchmarkHorizon, parseSize, type BenchmarkSize } from './sizes.js';
import { scoreStaffing, verifyStaffing, type StaffedHours } from './staffing.js';

export interface ChildOptions {
  mipTimeLimitSeconds: number;
  jslpTimeLimitSeconds: number;
  exactMipTimeLimitSeconds: number;
  referenceLpTimeLimitSeconds: number;
  staffplanTimeLimitSeconds?: number;
}

const seconds = (ms: number) => Math.round(ms) / 1000;
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function emptyResult(size: BenchmarkSize, seed: number, contender: ContenderName): ContenderResult {
  return { size: size.name, seed, contender, status: 'error', timeSeconds: null, peakMB: 0, objective: null, coverage: null, margin: null, unmetExpectedHours: null, checker: 'not run' };
}

/** Scores hours on the problem and verifies every rule there, then the document with the independent checker. */
function scoreAndCheck(result: ContenderResult, scenario: Scenario, problem: PlanningProblem, hours: StaffedHours[], plan: StaffingPlan | null): void {
  const score = scoreStaffing(problem, hours);
  const rules = verifyStaffing(problem, hours);
  Object.assign(result, { objective: score.value, coverage: score.coverage, margin: score.expectedMargin, unmetExpectedHours: score.unmetExpectedHours, pairsUsed: score.pairsUsed, rulesOk: rules.ok });
  if (!rules.ok) result.message = [result.message, `rule violations: ${rules.violations.slice(0, 3).join('; ')}`].filter(Boolean).join(' | ');
  if (plan) {
    const verdict = checkPlan(scenario, plan);
    result.checker = verdict.ok ? 'ok' : 'failed';
    if (!verdict.ok) result.checkerViolations = verdict.violations.slice(0, 10);
  }
}

/** A baseline's hours as a full StaffingPlan document (the solver's own assembler), for the checker. */
function baselinePlan(problem: PlanningProblem, context: ReturnType<typeof buildProblem>['context'], hours: StaffedHours[], name: string, status: SolveStatus, bound: { value: number; kind: string; coverage?: number }, solveMs: number): StaffingPlan {
  const solution: ProblemSolution = { hours, status, backend: name, algorithm: name, bound, stats: {} };
  return assemblePlan(problem, context, solution, { solveMs, phases: [] });
}

async function runStaffplan(result: ContenderResult, scenario: Scenario, size: BenchmarkSize, options: ChildOptions): Promise<void> {
  const { planStaffing, PlanCheckError } = await import('../solver/plan/index.js');
  const started = performance.now();
  let plan: StaffingPlan;
  try {
    plan = await planStaffing(scenario, benchmarkHorizon(size), { timeLimitSeconds: options.staffplanTimeLimitSeconds });
  } catch (error) {
    if (!(error instanceof PlanCheckError)) throw error;
    plan = (error as unknown as { plan: StaffingPlan }).plan;
    result.message = `planStaffing rejected its own plan: ${(error as Error).message.slice(0, 300)}`;
  }
  result.timeSeconds = seconds(performance.now() - started);
  result.peakMB = peakMB();
  const phase = (name: string) => plan.solver.phases?.find((p) => p.phase === name)?.timeMs;
  result.buildSeconds = seconds(phase('build') ?? NaN);
  result.solveSeconds = seconds(phase('solve') ?? NaN);
  result.status = plan.solver.status;
  result.bound = { value: plan.bound.value, kind: plan.bound.kind };
  result.gap = plan.gap;
  result.details = { algorithm: plan.solver.algorithm, phases: plan.solver.phases, stats: Object.fromEntries(Object.entries(plan.solver).filter(([key]) => !['phases'].includes(key))) };
  const { problem } = buildProblem(scenario, benchmarkHorizon(size), {});
  const index = { person: new Map(problem.people.map((p, i) => [p.employeeId, i])), line: new Map(problem.lines.map((l, i) => [l.lineId, i])), week: new Map(problem.weeks.map((w, i) => [w, i])) };
  const hours = plan.assignments.map((a) => ({ person: index.person.get(a.employeeId)!, line: index.line.get(a.lineId)!, week: index.week.get(a.week)!, hours: a.hours }));
  scoreAndCheck(result, scenario, problem, hours, plan);
}

async function runBaseline(result: ContenderResult, scenario: Scenario, size: BenchmarkSize, seed: number, contender: ContenderName, options: ChildOptions): Promise<void> {
  const started = performance.now();
  const { problem, context } = buildProblem(scenario, benchmarkHorizon(size), {});
  result.buildSeconds = seconds(performance.now() - started);
  const reference = loadReference(size, seed);
  const referenceBound = reference ? { value: reference.bound.value, kind: reference.bound.kind, coverage: reference.coverageBound.value } : null;
  let hours: StaffedHours[] | null;
  let status: SolveStatus;
  let bound = referenceBound;
  const solveStarted = performance.now();
  if (contender === 'greedy') {
    hours = greedyStaffing(problem);
    status = 'feasible';
  } else {
    const outcome = await solveMonolithic(problem, { backend: contender === 'mip' ? 'highs' : 'jslp', timeLimitSeconds: contender === 'mip' ? options.mipTimeLimitSeconds : options.jslpTimeLimitSeconds });
    hours = outcome.hours;
    status = outcome.status === 'optimal' || outcome.status === 'timedout' || outcome.status === 'feasible' ? outcome.status : 'infeasible';
    result.status = outcome.status;
    result.message = outcome.message;
    result.details = { backendStatus: outcome.backendStatus, model: outcome.model, mipGap: outcome.mipGap, dualBound: outcome.dualBound, modelBuildSeconds: seconds(outcome.buildMs) };
    if (outcome.dualBound !== undefined && Number.isFinite(outcome.dualBound)) bound = { value: outcome.dualBound, kind: `${contender} dual bound`, coverage: referenceBound?.coverage ?? Infinity };
  }
  result.solveSeconds = seconds(performance.now() - solveStarted);
  result.timeSeconds = seconds(performance.now() - started);
  result.peakMB = peakMB();
  if (!hours) return;
  if (contender === 'greedy') result.status = 'feasible';
  const score = scoreStaffing(problem, hours);
  const usable = bound ?? { value: Infinity, kind: 'none', coverage: Infinity };
  if (bound) {
    result.bound = { value: bound.value, kind: bound.kind };
    result.gap = bound.value === 0 ? 0 : (bound.value - score.value) / Math.abs(bound.value);
  }
  const plan = Number.isFinite(usable.value) ? baselinePlan(problem, context, hours, contender, status, { value: usable.value, kind: usable.kind, ...(Number.isFinite(usable.coverage) ? { coverage: usable.coverage } : {}) }, performance.now() - solveStarted) : null;
  scoreAndCheck(result, scenario, problem, hours, plan);
}

async function runReference(size: BenchmarkSize, seed: number, scenario: Scenario, options: ChildOptions): Promise<unknown> {
  const cached = loadReference(size, seed);
  if (cached) return cached;
  const { problem } = buildProblem(scenario, benchmarkHorizon(size), {});
  const reference = await computeReference(size, seed, problem, { exactMipTimeLimitSeconds: options.exactMipTimeLimitSeconds, lpTimeLimitSeconds: options.referenceLpTimeLimitSeconds }, (text) => console.error(`  [reference ${size.name}] ${text}`));
  saveReference(size, seed, reference);
  return { ...reference, peakMB: peakMB() };
}

async function main(): Promise<void> {
  const [sizeName, seedText, contender, optionsJson] = process.argv.slice(2);
  const size = parseSize(sizeName);
  const seed = Number(seedText);
  const options = JSON.parse(optionsJson ?? '{}') as ChildOptions;
  const { scenario } = loadOrGenerateScenario(size, seed);
  let answer: unknown;
  if (contender === 'reference') answer = await runReference(size, seed, scenario, options);
  else {
    const result = emptyResult(size, seed, contender as ContenderName);
    try {
      if (contender === 'staffplan') await runStaffplan(result, scenario, size, options);
      else await runBaseline(result, scenario, size, seed, contender as ContenderName, options);
    } catch (error) {
      result.status = 'error';
      result.peakMB = peakMB();
      result.message = (error as Error).stack?.split('\n').slice(0, 4).join(' ') ?? String(error);
    }
    answer = result;
  }
  if (process.send) process.send(answer, () => process.exit(0));
  else console.log(JSON.stringify(answer, null, 2));
}

await main();
