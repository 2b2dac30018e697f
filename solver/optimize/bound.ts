/**
 * The reported upper bounds. Value: per component the tighter of the Lagrangian bound (capacity rows
 * priced, headcount kept; its limit is the full model's LP relaxation with headcount) and a MIP's proven
 * dual bound. Coverage: a coverage-mode Lagrangian, capped by the expected demand. Both are finite for
 * every run: the Lagrangian always evaluates at least once, whatever the stop signal says.
 */
import { Components } from './components.js';
import { ComponentOutcome, componentValue } from './exact.js';
import { Instance } from './instance.js';
import { coverageBound, LagrangianBound, lagrangianBound } from './lagrangian.js';
import { Teams } from './teams.js';

export interface BoundSummary {
  value: number;
  kind: string;
  coverage: number;
  provenComponents: number;
}

/**
 * Iterations whose prices seed the Lagrangian heuristic. Measured on the L and XL benchmarks: teams read
 * off mid-run prices repair to better plans (L 98.6 % of the reference coverage vs 98.0 %) than the final
 * best prices, whose many near-ties leave the subproblem's teams overlapping the most.
 */
const PRICE_SNAPSHOTS = [25, 50, 75, 100];

function totalPairWeeks(components: Components): number {
  return components.pairWeeks.reduce((a, b) => a + b, 0);
}

/**
 * Subgradient iterations as a work cap: about 200 million pair-week evaluations, 30 to 600 iterations
 * (S to XL stop earlier, when the step has halved to nothing; 10,000 × 5,000 × 52 gets ~50, ~8 s).
 */
export function lagrangianIterations(components: Components): number {
  return Math.max(30, Math.min(600, Math.round(2e8 / Math.max(1, totalPairWeeks(components)))));
}

/**
 * How many price vectors the Lagrangian heuristic repairs: each repair is a local search over the whole
 * model (~50 s at 10,000 × 5,000 × 52), so very large models repair one.
 */
export function priceRepairs(components: Components): number {
  return totalPairWeeks(components) > 1_000_000 ? 1 : PRICE_SNAPSHOTS.length;
}

/** A starting price per person-week read off the current teams' knapsacks. */
export function initialPrices(teams: Teams): Float64Array {
  const inst = teams.instance;
  const lambda = new Float64Array(inst.nPeople * inst.nWeeks);
  for (let p = 0; p < inst.nPeople; p++) {
    if (teams.chosen[p].length === 0) continue;
    for (let w = 0; w < inst.nWeeks; w++) lambda[p * inst.nWeeks + w] = teams.marginalPrice(p, w);
  }
  return lambda;
}

export function componentValues(teams: Teams, components: Components): Float64Array {
  return Float64Array.from({ length: components.count }, (_, c) => componentValue(teams, components, c));
}

/** Coverage (Σ probability × hours, pins excluded) of the current teams per component. */
export function componentCoverages(teams: Teams, components: Components): Float64Array {
  const inst = teams.instance;
  const coverage = new Float64Array(components.count);
  teams.allocate((e, _w, hours) => {
    const c = components.lineComponent[inst.pairLine[e]];
    if (c >= 0) coverage[c] += inst.lineProbability[inst.pairLine[e]] * hours;
  });
  return coverage;
}

/** Prices for the current teams: the subgradient steered by their value (the Polyak target). */
export function priceCapacity(teams: Teams, components: Components, shouldStop: () => boolean): LagrangianBound {
  return lagrangianBound(teams.instance, components, initialPrices(teams), {
    iterations: lagrangianIterations(components),
    targets: componentValues(teams, components),
    shouldStop,
    snapshotAt: PRICE_SNAPSHOTS,
  });
}


export function summarizeBound(inst: Instance, components: Components, teams: Teams, prices: LagrangianBound, outcomes: Map<number, ComponentOutcome>, shouldStop: () => boolean): BoundSummary {
  const targets = componentValues(teams, components);
  const kinds = new Set<string>();
  let value = inst.constant;
  let proven = 0;
  for (let c = 0; c < components.count; c++) {
    const outcome = outcomes.get(c);
    const mipBound = outcome?.dualBound ?? Infinity;
    if (outcome?.provenOptimal) proven++;
    const useMip = mipBound < prices.byComponent[c];
    kinds.add(useMip ? 'mip-dual-bound' : 'lagrangian-with-headcount');
    // A bound below the plan it bounds would be a bug; guard against round-off only.
    value += Math.max(useMip ? mipBound : prices.byComponent[c], targets[c]);
  }
  const kind = kinds.size === 0 ? 'exact' : [...kinds].sort().join('+');
  const coverage = coverageBound(inst, components, prices.lambda, {
    iterations: Math.max(20, Math.round(lagrangianIterations(components) / 2)),
    targets: componentCoverages(teams, components),
    shouldStop,
  });
  return { value, kind, coverage, provenComponents: proven };
}
