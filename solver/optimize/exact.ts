/**
 * Exact solves per component. A small component gets the full team MIP, warm-started from the heuristic
 * plan: it proves optimality (or improves the plan) and its dual bound tightens the component's bound.
 * (Bigger components are improved by neighbourhood MIPs instead, see neighbourhood.ts.) Work is capped
 * by MIP node limits, not by time, so the answer does not depend on the machine's speed.
 */
import { JSLP_LIMITS } from '../lp/index.js';
import type { BackendName } from '../types.js';
import { Components } from './components.js';
import { buildTeamMip, adoptTeams, solveTeamMip, startingPoint } from './team-mip.js';
import { Teams } from './teams.js';

/** Components up to this many pair-weeks get the full MIP. */
export const FULL_MIP_PAIR_WEEKS = 1500;

export interface ComponentOutcome {
  component: number;
  status: string;
  improved: boolean;
  /** Proven upper bound on the component's team value (full MIP only). */
  dualBound?: number;
  provenOptimal: boolean;
  timeMs: number;
}

export interface ExactOptions {
  backend: BackendName | 'auto';
  remainingSeconds: () => number;
  shouldStop: () => boolean;
  mipMaxNodes: number;
}

/** Team value of one component: its people's knapsack values − F × its team pairs. */
export function componentValue(teams: Teams, components: Components, c: number): number {
  const inst = teams.instance;
  let total = 0;
  for (const p of components.people[c]) {
    for (let w = 0; w < inst.nWeeks; w++) total += teams.weekValue[p * inst.nWeeks + w];
    total -= inst.fragmentation * teams.chosen[p].length;
  }
  return total;
}

function pairsOfComponent(teams: Teams, components: Components, c: number): number[] {
  const inst = teams.instance;
  const pairs: number[] = [];
  for (const line of components.lines[c]) for (let e = inst.linePairStarts[line]; e < inst.linePairStarts[line + 1]; e++) pairs.push(e);
  return pairs;
}

/** HiGHS unless javascript-lp-solver is asked for: only HiGHS reports the dual bound that proves optimality. */
function backendFor(requested: BackendName | 'auto', size: { numCols: number; numRows: number; numIntegers: number }): BackendName | null {
  if (requested !== 'jslp') return 'highs';
  // javascript-lp-solver when asked for explicitly, but never on a MIP it was measured to get wrong.
  const fits = size.numIntegers <= 4 * JSLP_LIMITS.maxIntegers && size.numCols <= 4 * JSLP_LIMITS.maxCols;
  return fits ? 'jslp' : null;
}

export async function solveComponent(teams: Teams, components: Components, c: number, options: ExactOptions): Promise<ComponentOutcome | null> {
  if (components.pairWeeks[c] > FULL_MIP_PAIR_WEEKS) return null;
  const pairs = pairsOfComponent(teams, components, c);
  const mip = buildTeamMip(teams.instance, pairs);
  const backend = backendFor(options.backend, { numCols: mip.lp.numCols, numRows: mip.lp.numRows, numIntegers: mip.lp.numIntegers });
  if (backend === null) return null;
  const before = componentValue(teams, components, c);
  const answer = await solveTeamMip(mip, backend, {
    timeLimitSeconds: Math.max(0.05, options.remainingSeconds()),
    mipMaxNodes: options.mipMaxNodes,
    mipRelGap: 1e-6,
    initialSolution: startingPoint(mip, teams),
    shouldStop: options.shouldStop,
  });
  const outcome: ComponentOutcome = {
    component: c,
    status: answer.result.status,
    improved: false,
    provenOptimal: false,
    timeMs: answer.result.timeMs,
  };
  // Only a backend that reports a dual bound (HiGHS) proves anything; a bare 'optimal' word does not.
  if (answer.result.dualBound !== undefined) {
    outcome.dualBound = answer.result.dualBound;
    outcome.provenOptimal = answer.result.status === 'optimal';
  }
  if (!answer.result.hasSolution || answer.result.objective <= before + 1e-7) return outcome;
  const previous = teams.members.map((members) => members.slice());
  adoptTeams(teams, mip, answer.chosen);
  if (componentValue(teams, components, c) < before) {
    restoreTeams(teams, components, c, previous);
    return outcome;
  }
  outcome.improved = true;
  return outcome;
}

function restoreTeams(teams: Teams, components: Components, c: number, previous: number[][]): void {
  for (const line of components.lines[c]) for (const e of teams.members[line].slice()) teams.drop(e);
  for (const line of components.lines[c]) for (const e of previous[line]) teams.add(e);
}
