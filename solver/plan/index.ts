/**
 * planStaffing: scenario → problem → optimizer → document → independent check. A plan that fails the
 * checker is never returned: PlanCheckError is thrown with the violations (a violation is a bug).
 */
import { performance } from 'node:perf_hooks';
import { checkPlan } from '../checker/index.js';
import { solveProblem } from '../optimize/index.js';
import { buildProblem } from '../problem.js';
import type { Horizon, PlanOptions, Progress, Scenario, StaffingPlan } from '../types.js';
import { assemblePlan } from './assemble.js';
import { PlanCheckError } from './check-error.js';

export { assemblePlan, solutionRows } from './assemble.js';
export { PlanCheckError } from './check-error.js';
export { recomputeObjective, relativeGap } from './objective.js';

/** Progress that never goes backwards, whatever the phases report. */
function monotoneProgress(onProgress: ((progress: Progress) => void) | undefined): (progress: Progress) => void {
  let highest = 0;
  return (progress) => {
    highest = Math.max(highest, Math.min(100, progress.percent));
    onProgress?.({ phase: progress.phase, percent: highest });
  };
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 1000) / 1000;
}

export async function planStaffing(scenario: Scenario, horizon: Horizon, options: PlanOptions = {}): Promise<StaffingPlan> {
  const progress = monotoneProgress(options.onProgress);
  const phases: { phase: string; timeMs: number }[] = [];
  progress({ phase: 'build', percent: 0 });
  let started = performance.now();
  const { problem, context } = buildProblem(scenario, horizon, options);
  phases.push({ phase: 'build', timeMs: elapsed(started) });

  started = performance.now();
  const solution = await solveProblem(problem, {
    timeLimitSeconds: options.timeLimitSeconds,
    backend: options.backend,
    onProgress: progress,
    shouldStop: options.shouldStop,
  });
  const solveMs = elapsed(started);
  phases.push({ phase: 'solve', timeMs: solveMs });

  started = performance.now();
  progress({ phase: 'assemble', percent: 95 });
  const plan = assemblePlan(problem, context, solution, { timeLimitSeconds: options.timeLimitSeconds, backend: options.backend, solveMs, phases });
  phases.push({ phase: 'assemble', timeMs: elapsed(started) });

  started = performance.now();
  progress({ phase: 'check', percent: 98 });
  const verdict = checkPlan(scenario, plan);
  phases.push({ phase: 'check', timeMs: elapsed(started) });
  plan.check = { ok: verdict.ok, violations: verdict.violations };
  if (!verdict.ok) throw new PlanCheckError(verdict.violations, plan);
  progress({ phase: 'done', percent: 100 });
  return plan;
}
