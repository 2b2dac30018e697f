/**
 * Tuning aid (not a test, not the benchmark): solves seeded random PlanningProblems and prints time,
 * objective, bound, gap and coverage; with --mip also the full team MIP in HiGHS for comparison.
 *
 *   npm run build && node dist/solver/optimize/measure.js --sizes S,M [--seed 1] [--lp] [--mip 60] [--time-limit 30]
 *   --lp: also the LP relaxation of the full team model (headcount included) and its coverage bound;
 *   --mip S: also the full team MIP in HiGHS with that time limit (the exact optimum on S).
 */
import { getBackend, relaxIntegrality } from '../lp/index.js';
import type { PlanningProblem } from '../types.js';
import { findComponents } from './components.js';
import { solveProblem } from './index.js';
import { compileInstance } from './instance.js';
import { randomProblem } from './random-problem.js';
import { planValue } from './self-check.js';
import { buildTeamMip } from './team-mip.js';

const SIZES: Record<string, { people: number; lines: number; weeks: number }> = {
  XS: { people: 20, lines: 10, weeks: 8 },
  S: { people: 50, lines: 25, weeks: 12 },
  M: { people: 200, lines: 100, weeks: 26 },
  L: { people: 1000, lines: 500, weeks: 26 },
  XL: { people: 2000, lines: 1000, weeks: 26 },
  XXL: { people: 10000, lines: 5000, weeks: 52 },
};

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** The full team MIP over every pair: the exact optimum (or HiGHS's best within the limit) and its bound. */
async function referenceMip(problem: PlanningProblem, seconds: number): Promise<string> {
  const inst = compileInstance(problem);
  const all = Array.from({ length: inst.nPairs }, (_, e) => e);
  const mip = buildTeamMip(inst, all);
  const result = await getBackend('highs').solve(mip.lp, { timeLimitSeconds: seconds, mipRelGap: 1e-6 });
  const value = result.objective + inst.constant;
  const bound = (result.dualBound ?? NaN) + inst.constant;
  return `mip ${result.status} value=${value.toFixed(0)} bound=${bound.toFixed(0)} ${(result.timeMs / 1000).toFixed(1)}s`;
}

/** The LP relaxation of the full team MIP (headcount included): the tightest cheap reference bound. */
async function referenceLp(problem: PlanningProblem): Promise<string> {
  const inst = compileInstance(problem);
  const mip = buildTeamMip(inst, Array.from({ length: inst.nPairs }, (_, e) => e));
  const result = await getBackend('highs').solve(relaxIntegrality(mip.lp), {});
  const coverageLp = { ...relaxIntegrality(mip.lp), colCost: coverageCosts(inst, mip) };
  const coverage = await getBackend('highs').solve(coverageLp, {});
  const pinned = 0;
  return `lp ${result.status} bound=${(result.objective + inst.constant).toFixed(0)} coverage=${(coverage.objective + pinned).toFixed(0)} ${(result.timeMs / 1000).toFixed(1)}s+${(coverage.timeMs / 1000).toFixed(1)}s cols=${mip.lp.numCols}`;
}

/** Coverage objective on the same columns: probability per hour on every piece, nothing on y. */
function coverageCosts(inst: ReturnType<typeof compileInstance>, mip: ReturnType<typeof buildTeamMip>): Float64Array {
  const costs = new Float64Array(mip.lp.numCols);
  for (const [key, columns] of mip.pieceColumns) {
    const line = inst.pairLine[Math.floor(key / inst.nWeeks)];
    for (const column of columns) costs[column] = inst.lineProbability[line];
  }
  return costs;
}

async function main(): Promise<void> {
  const sizes = argument('sizes', 'S,M').split(',');
  const seed = Number(argument('seed', '1'));
  const mipSeconds = Number(argument('mip', '0'));
  const timeLimit = argument('time-limit', '');
  for (const name of sizes) {
    const size = SIZES[name];
    const built = performance.now();
    const problem = randomProblem({ ...size, seed });
    const buildMs = performance.now() - built;
    const memoryBefore = process.memoryUsage().rss;
    const solution = await solveProblem(problem, { timeLimitSeconds: timeLimit ? Number(timeLimit) : undefined });
    const stats = solution.stats as Record<string, unknown>;
    const objective = planValue(problem, solution.hours);
    const gap = (solution.bound.value - objective.value) / Math.abs(solution.bound.value);
    const inst = compileInstance(problem);
    const demand = -inst.constant / problem.unmetPenaltyPerHour;
    console.log(
      [
        `${name} seed=${seed} pairs=${problem.pairs.length} components=${findComponents(inst).count} (built ${(buildMs / 1000).toFixed(1)}s)`,
        `  time=${((stats.timeMs as number) / 1000).toFixed(2)}s status=${solution.status} rss+${((process.memoryUsage().rss - memoryBefore) / 2 ** 20).toFixed(0)}MB`,
        `  value=${objective.value.toFixed(0)} bound=${solution.bound.value.toFixed(0)} (${solution.bound.kind}) gap=${(gap * 100).toFixed(3)}%`,
        `  coverage=${objective.coverage.toFixed(0)} / bound ${solution.bound.coverage?.toFixed(0)} = ${((100 * objective.coverage) / (solution.bound.coverage ?? 1)).toFixed(2)}% (expected demand ${demand.toFixed(0)})`,
        `  greedy=${(stats.greedyValue as number).toFixed(0)} local=${(stats.localSearchValue as number).toFixed(0)} exact=${JSON.stringify(stats.exact).slice(0, 300)}`,
        `  phases=${JSON.stringify((stats.phases as { phase: string; timeMs: number }[]).map((p) => `${p.phase}:${p.timeMs.toFixed(0)}`))}`,
      ].join('\n'),
    );
    if (process.argv.includes('--lp')) console.log(`  ${await referenceLp(problem)}`);
    if (mipSeconds > 0) console.log(`  ${await referenceMip(problem, mipSeconds)}`);
  }
}

await main();
