/**
 * The staffing optimizer (DESIGN.md §6, issue 7): PlanningProblem in, hours per (person, line, week) out,
 * with an honest status and upper bound.
 *
 * Algorithm. A plan is decided by its teams (who is on each line); given the teams the best hours follow
 * exactly from a fractional knapsack per person-week (see teams.ts). So:
 *  1. compile the problem into typed arrays and split it into independent components (skill clusters);
 *  2. construct teams by lazy greedy on exact marginal gains (the value is submodular in the teams) and
 *     descend by exact add / drop / swap / two-line ejection-chain moves per line; with a previous plan,
 *     also descend from the previous plan made feasible (previous-start.ts) and keep the better start
 *     per component — so the answer never scores below the previous plan made feasible;
 *  3. per small component: the full team MIP in HiGHS, warm-started (improves and proves optimality);
 *     when every component is proven, the search below is skipped;
 *  4. price the person-week capacity rows by Lagrangian relaxation (subgradient, Polyak steps); the teams
 *     the relaxation picks at several of its price vectors are repaired by local search and the best
 *     plan kept (the Lagrangian heuristic); then iterated local search (empty related teams, refill,
 *     descend, keep if better); optionally neighbourhood MIPs (SolveOptions.neighbourhoodRounds);
 *  5. bound every component by the best Lagrangian value (its limit is the LP relaxation WITH headcount;
 *     any price vector is a valid bound) or by the MIP's dual bound; bound coverage by a coverage-mode
 *     Lagrangian;
 *  6. read the hours off the teams, recompute the objective from scratch and check every plan rule.
 * Work caps (passes, iterations, MIP nodes) — not the clock — bound each phase, so the same input gives
 * the same hours; only a time limit or shouldStop that actually fires changes the path.
 */
import type { BackendName, PlanningProblem, ProblemSolution, SolveStatus } from '../types.js';
import { priceCapacity, priceRepairs, summarizeBound } from './bound.js';
import { Components, findComponents } from './components.js';
import { ComponentOutcome, solveComponent } from './exact.js';
import { greedyTeams } from './greedy.js';
import { compileInstance, Instance } from './instance.js';
import { localSearch } from './local-search.js';
import { neighbourhoodSearch, NeighbourhoodStats } from './neighbourhood.js';
import { perturbAndDescend } from './perturb.js';
import { PreviousStart, startFromPrevious } from './previous-start.js';
import { adoptBetterComponents, improveFromBothStarts, repairFromEachPrice, teamPairs } from './price-teams.js';
import { RunContext } from './run-context.js';
import { planValue, planViolations, StaffedHours } from './self-check.js';
import { Teams } from './teams.js';

export interface SolveOptions {
  timeLimitSeconds?: number;
  backend?: BackendName | 'auto';
  onProgress?: (progress: { phase: string; percent: number }) => void;
  shouldStop?: () => boolean;
  /**
   * Neighbourhood MIPs to run after local search (default 0). Each re-cuts up to 6 teams exactly but
   * costs 0.1-1.5 s in HiGHS WebAssembly, so it is for callers with time to spare.
   */
  neighbourhoodRounds?: number;
}

/** Work caps, scaled so that S/M finish in about a second and XXL in minutes. */
const LOCAL_SEARCH_PASSES = 12;
const MIP_MAX_NODES = 400;
const MAX_EXACT_COMPONENTS = 400;
const NEIGHBOURHOOD = { maxLines: 6, maxPeoplePerLine: 6, maxPairWeeks: 1200, mipMaxNodes: 40 };

async function improveByNeighbourhoods(teams: Teams, options: SolveOptions, context: RunContext): Promise<NeighbourhoodStats | null> {
  // javascript-lp-solver is not trusted with MIPs of this size: neighbourhoods are a HiGHS move.
  if (options.backend === 'jslp' || !options.neighbourhoodRounds) return null;
  return neighbourhoodSearch(teams, {
    ...NEIGHBOURHOOD,
    rounds: options.neighbourhoodRounds,
    backend: 'highs',
    remainingSeconds: () => context.remainingSeconds(),
    shouldStop: context.shouldStop,
  });
}

/**
 * Passes of the descent from greedy. On very large models the Lagrangian heuristic's repaired teams
 * replace the greedy ones anyway (measured at 10,000 × 5,000 × 52: the full descent took 62 s of a
 * 126 s solve and its plan was discarded), so there one pass only gives the price run a better target.
 */
function firstDescentPasses(components: Components): number {
  const pairWeeks = components.pairWeeks.reduce((a, b) => a + b, 0);
  return pairWeeks > 1_000_000 ? 1 : LOCAL_SEARCH_PASSES;
}

/** Perturbation rounds: many on small models, fewer as each round's local search grows. */
function perturbationRounds(inst: Instance): number {
  return Math.max(20, Math.min(200, Math.round(1e7 / Math.max(1, inst.nPairs * 10))));
}

function staffedHours(problem: PlanningProblem, inst: Instance, teams: Teams): StaffedHours[] {
  const hours: StaffedHours[] = problem.pinned.filter((pin) => pin.hours > 0).map((pin) => ({ ...pin }));
  teams.allocate((e, week, amount) => hours.push({ person: inst.pairPerson[e], line: inst.pairLine[e], week, hours: amount }));
  hours.sort((a, b) => a.line - b.line || a.person - b.person || a.week - b.week);
  return hours;
}

async function improveExactly(teams: Teams, components: Components, options: SolveOptions, context: RunContext): Promise<Map<number, ComponentOutcome>> {
  const outcomes = new Map<number, ComponentOutcome>();
  const order = Array.from({ length: components.count }, (_, c) => c)
    .sort((a, b) => components.pairWeeks[b] - components.pairWeeks[a] || a - b)
    .slice(0, MAX_EXACT_COMPONENTS);
  for (let i = 0; i < order.length && !context.shouldStop(); i++) {
    const outcome = await solveComponent(teams, components, order[i], {
      backend: options.backend ?? 'auto',
      remainingSeconds: () => context.remainingSeconds(),
      shouldStop: context.shouldStop,
      mipMaxNodes: MIP_MAX_NODES,
    });
    if (outcome) outcomes.set(order[i], outcome);
    context.report('exact', 25 + (10 * (i + 1)) / order.length);
  }
  return outcomes;
}

/** What the previous-plan start was worth and how often it won (null without a previous plan). */
function previousStartStats(start: PreviousStart | null, adopted: number) {
  if (!start) return null;
  return { feasibleValue: start.feasibleValue, value: start.teams.value() + start.teams.instance.constant, overHeadcount: start.overHeadcount, localSearch: start.search, adoptedComponents: adopted };
}

function statusOf(context: RunContext, conflicts: string[], gapValue: number, allProven: boolean): SolveStatus {
  if (conflicts.length > 0) return 'infeasible';
  if (context.wasTimedOut) return 'timedout';
  return allProven || gapValue <= 1e-9 ? 'optimal' : 'feasible';
}

export async function solveProblem(problem: PlanningProblem, options: SolveOptions = {}): Promise<ProblemSolution> {
  const context = new RunContext(options.timeLimitSeconds, options.onProgress, options.shouldStop);
  context.report('prepare', 0);
  const inst = compileInstance(problem);
  const components = findComponents(inst);
  const teams = new Teams(inst);
  context.phase('construct', 5);
  greedyTeams(teams, context.shouldStop);
  const greedyValue = teams.value() + inst.constant;
  context.phase('improve', 25);
  const search = localSearch(teams, firstDescentPasses(components), context.shouldStop);
  // Churn makes the previous plan's own teams a strong start that greedy need not find; built even when
  // a stop has fired (it is cheap), so a stopped run keeps the guarantee too.
  const previousStart = startFromPrevious(inst, firstDescentPasses(components), context.shouldStop);
  let previousAdopted = previousStart ? adoptBetterComponents(teams, previousStart.teams, components) : 0;
  // Small components first get the exact MIP: when it proves every component optimal the heuristics
  // below have nothing left to find.
  context.phase('exact', 25);
  const outcomes = await improveExactly(teams, components, options, context);
  const proven = [...outcomes.values()].filter((outcome) => outcome.provenOptimal).length;
  const searching = proven < components.count;
  context.phase('prices', 35);
  const prices = priceCapacity(teams, components, context.shouldStop);
  const descended = teamPairs(teams);
  context.phase('price-repair', 45);
  const priceRepair = searching ? repairFromEachPrice(teams, components, prices.snapshots.length > 0 ? prices.snapshots.slice(0, priceRepairs(components)) : [prices.lambda], LOCAL_SEARCH_PASSES, context.shouldStop) : [];
  context.phase('perturb', 50);
  const rounds = searching ? perturbationRounds(inst) : 0;
  const perturbation = improveFromBothStarts(teams, components, descended, (start) => perturbAndDescend(start, rounds, context.shouldStop));
  const localValue = teams.value() + inst.constant;
  context.phase('neighbourhoods', 65);
  const neighbourhoods = searching ? await improveByNeighbourhoods(teams, options, context) : null;
  const polish = localSearch(teams, searching ? LOCAL_SEARCH_PASSES : 0, context.shouldStop);
  // Every phase above keeps only improvements; this makes "never below the previous start" structural.
  if (previousStart) previousAdopted += adoptBetterComponents(teams, previousStart.teams, components);
  const neighbourhoodValue = teams.value() + inst.constant;
  context.phase('bound', 80);
  const bound = summarizeBound(inst, components, teams, prices, outcomes, context.shouldStop);
  context.phase('check', 95);
  const hours = staffedHours(problem, inst, teams);
  const violations = planViolations(problem, hours);
  if (violations.length > 0 && inst.pinConflicts.length === 0) {
    throw new Error(`optimizer produced an invalid plan (a bug): ${violations.slice(0, 5).join('; ')}`);
  }
  const objective = planValue(problem, hours);
  const gapValue = (bound.value - objective.value) / Math.max(1e-9, Math.abs(bound.value));
  const allProven = components.count > 0 && bound.provenComponents === components.count;
  context.finish();
  return {
    hours,
    status: statusOf(context, inst.pinConflicts, gapValue, allProven || components.count === 0),
    backend: options.backend && options.backend !== 'auto' ? options.backend : 'highs',
    algorithm: 'teams: greedy (+ previous plan) + local search + component MIP + lagrangian heuristic + iterated local search, lagrangian bound',
    bound: { value: Math.max(bound.value, objective.value), kind: bound.kind, coverage: Math.max(bound.coverage, objective.coverage) },
    stats: {
      components: components.count,
      pairs: inst.nPairs,
      greedyValue,
      localSearchValue: localValue,
      objective,
      gap: gapValue,
      localSearch: search,
      previousStart: previousStartStats(previousStart, previousAdopted),
      perturbation,
      neighbourhoods,
      neighbourhoodValue,
      polish,
      exact: [...outcomes.values()].map(({ component, status, improved, provenOptimal, timeMs }) => ({ component, status, improved, provenOptimal, timeMs })),
      provenComponents: bound.provenComponents,
      lagrangianIterations: prices.iterations,
      priceRepair,
      pinConflicts: inst.pinConflicts,
      stopped: context.wasStopped,
      phases: context.phases,
      timeMs: context.elapsedSeconds() * 1000,
    },
  };
}
