/**
 * Lagrangian heuristic: the prices λ on person-weeks that make the relaxation tight also say which
 * teams to build. Each line's best team under λ (the Lagrangian subproblem's own answer) respects
 * headcount, so it is already a plan — Teams turns any teams into the best feasible hours — but it may
 * book a person on more lines than their week holds. Local search then repairs that (drop the members a
 * person cannot serve, fill the seats with the best outsiders). A component's repaired teams replace its
 * current ones only when they are worth more: this never makes the plan worse, and a greedy start no
 * longer decides which part of the solution space the descent explores.
 */
import { Components } from './components.js';
import { componentValue } from './exact.js';
import { bestTeam } from './lagrangian.js';
import { localSearch } from './local-search.js';
import { Teams } from './teams.js';

export interface PriceRepairStats {
  /** Value of the teams read off the prices, before and after repair (without instance.constant). */
  pricedValue: number;
  repairedValue: number;
  /** Components whose teams were taken from the repaired plan. */
  adopted: number;
}

/** Every pair on any team now, ascending. */
export function teamPairs(teams: Teams): number[] {
  return teams.members.flat().sort((a, b) => a - b);
}

/** The teams the Lagrangian subproblem picks at prices λ, seated in line order. */
export function teamsAtPrices(teams: Teams, components: Components, lambda: Float64Array): Teams {
  const inst = teams.instance;
  const priced = new Teams(inst);
  for (let c = 0; c < components.count; c++) {
    for (const line of components.lines[c]) for (const e of bestTeam(inst, line, lambda, 'value').pairs) priced.add(e);
  }
  return priced;
}

/**
 * Takes, component by component, the teams of `source` wherever they are worth more than those of
 * `target`: components share no person and no line, so the mix is exact and never worse than either.
 */
export function adoptBetterComponents(target: Teams, source: Teams, components: Components): number {
  let adopted = 0;
  for (let c = 0; c < components.count; c++) {
    if (componentValue(source, components, c) <= componentValue(target, components, c) + 1e-6) continue;
    adopted++;
    for (const line of components.lines[c]) {
      for (const e of target.members[line].slice()) target.drop(e);
      for (const e of source.members[line]) target.add(e);
    }
  }
  return adopted;
}

/** Builds the priced teams, repairs them by local search, and adopts their better components. */
export function repairFromPrices(teams: Teams, components: Components, lambda: Float64Array, passes: number, shouldStop: () => boolean): PriceRepairStats {
  const priced = teamsAtPrices(teams, components, lambda);
  const pricedValue = priced.value();
  localSearch(priced, passes, shouldStop);
  const repairedValue = priced.value();
  const adopted = adoptBetterComponents(teams, priced, components);
  return { pricedValue, repairedValue, adopted };
}

/** repairFromPrices for each price vector in turn (stopping early on request); the best plan stays. */
export function repairFromEachPrice(teams: Teams, components: Components, prices: Float64Array[], passes: number, shouldStop: () => boolean): PriceRepairStats[] {
  const stats: PriceRepairStats[] = [];
  for (const lambda of prices) {
    if (shouldStop()) break;
    stats.push(repairFromPrices(teams, components, lambda, passes, shouldStop));
  }
  return stats;
}

/**
 * Runs `improve` on the current teams and, when they differ from `start` (the price repair moved the
 * plan), on a copy of `start` too, keeping the better end. Iterated local search from different starts
 * ends in different local optima (measured on the Northwind fixture: the greedy start ended 0.1 % higher
 * than the repaired one, on L and XL the repaired start wins), so both starts are searched.
 */
export function improveFromBothStarts<S>(teams: Teams, components: Components, start: number[], improve: (teams: Teams) => S): { current: S; alternative: S | null } {
  const current = improve(teams);
  const now = teamPairs(teams);
  if (now.length === start.length && now.every((e, i) => e === start[i])) return { current, alternative: null };
  const other = new Teams(teams.instance);
  for (const e of start) other.add(e);
  const alternative = improve(other);
  adoptBetterComponents(teams, other, components);
  return { current, alternative };
}
