/**
 * A valid upper bound at any size without an LP solver: Lagrangian relaxation of the capacity rows
 * (person-week) of the full model, headcount kept. With capacity priced by μ ≥ 0 the model splits by
 * line: choose at most `headcount` people, each worth Σ_w cap × max(0, c − μ_pw) − fragmentation, and
 * take the best positive ones. L(μ) = offset + Σ μ × available + Σ_lines best team ≥ the optimum for
 * every μ ≥ 0; subgradient steps lower it towards the LP relaxation with headcount (the subproblem has
 * the integrality property, so that is its limit). Every iterate is a valid bound; the best is kept.
 */
import type { PlanningProblem } from '../../solver/types.js';
import { expectedDemand } from '../staffing.js';

export interface LagrangianOptions {
  objective: 'value' | 'coverage';
  /** A feasible objective value (e.g. greedy's) that steers Polyak step sizes. */
  lowerBound: number;
  maxIterations?: number;
  timeLimitSeconds?: number;
}

export interface LagrangianBound {
  bound: number;
  iterations: number;
  timeMs: number;
  kind: string;
}

/** Flat arrays of every (pair, week) with free capacity: the x columns of the full model. */
interface FlatModel {
  pairStart: Int32Array; // per pair p: entries pairStart[p] .. pairStart[p + 1] - 1
  pairLine: Int32Array;
  personWeek: Int32Array;
  cap: Float64Array;
  profit: Float64Array;
  available: Float64Array; // per person-week
}

function flatten(problem: PlanningProblem, objective: 'value' | 'coverage'): FlatModel {
  const weeks = problem.weeks.length;
  let entries = 0;
  for (const pair of problem.pairs) entries += problem.lines[pair.line].weeks.length;
  const personWeek = new Int32Array(entries);
  const cap = new Float64Array(entries);
  const profit = new Float64Array(entries);
  const pairStart = new Int32Array(problem.pairs.length + 1);
  const pairLine = new Int32Array(problem.pairs.length);
  let k = 0;
  problem.pairs.forEach((pair, index) => {
    const line = problem.lines[pair.line];
    const available = problem.people[pair.person].available;
    const perHour = objective === 'coverage' ? line.probability : line.probability * (pair.marginPerHour + problem.unmetPenaltyPerHour);
    pairStart[index] = k;
    pairLine[index] = pair.line;
    for (const week of line.weeks) {
      const hours = Math.min(line.hoursPerWeek, available[week]);
      if (hours <= 0 || perHour <= 0) continue;
      personWeek[k] = pair.person * weeks + week;
      cap[k] = hours;
      profit[k] = perHour;
      k++;
    }
  });
  pairStart[problem.pairs.length] = k;
  const available = new Float64Array(problem.people.length * weeks);
  problem.people.forEach((person, index) => available.set(person.available, index * weeks));
  return { pairStart, pairLine, personWeek: personWeek.subarray(0, k), cap: cap.subarray(0, k), profit: profit.subarray(0, k), available };
}

/** L(μ) and its subgradient (available − load of the chosen teams) for one μ. */
function evaluate(problem: PlanningProblem, model: FlatModel, mu: Float64Array, fragmentation: number, offset: number, load: Float64Array): number {
  load.fill(0);
  let total = offset;
  for (let pw = 0; pw < mu.length; pw++) total += mu[pw] * model.available[pw];
  const worth = new Float64Array(problem.pairs.length);
  for (let p = 0; p < problem.pairs.length; p++) {
    let value = -fragmentation;
    for (let k = model.pairStart[p]; k < model.pairStart[p + 1]; k++) {
      const reduced = model.profit[k] - mu[model.personWeek[k]];
      if (reduced > 0) value += reduced * model.cap[k];
    }
    worth[p] = value;
  }
  let first = 0;
  while (first < problem.pairs.length) {
    const line = model.pairLine[first];
    let last = first;
    while (last < problem.pairs.length && model.pairLine[last] === line) last++;
    const team = [];
    for (let p = first; p < last; p++) if (worth[p] > 0) team.push(p);
    team.sort((a, b) => worth[b] - worth[a] || a - b);
    for (const p of team.slice(0, problem.lines[line].headcount)) {
      total += worth[p];
      for (let k = model.pairStart[p]; k < model.pairStart[p + 1]; k++) {
        if (model.profit[k] - mu[model.personWeek[k]] > 0) load[model.personWeek[k]] += model.cap[k];
      }
    }
    first = last;
  }
  return total;
}

export function lagrangianBound(problem: PlanningProblem, options: LagrangianOptions): LagrangianBound {
  const started = performance.now();
  const model = flatten(problem, options.objective);
  const fragmentation = options.objective === 'coverage' ? 0 : problem.fragmentationPenaltyPerPair;
  const offset = options.objective === 'coverage' ? 0 : -problem.unmetPenaltyPerHour * expectedDemand(problem);
  const mu = new Float64Array(model.available.length);
  const load = new Float64Array(model.available.length);
  const maxIterations = options.maxIterations ?? 400;
  const deadline = started + (options.timeLimitSeconds ?? 60) * 1000;
  let best = Infinity;
  let theta = 1;
  let sinceImprovement = 0;
  let iterations = 0;
  while (iterations < maxIterations && performance.now() < deadline) {
    const value = evaluate(problem, model, mu, fragmentation, offset, load);
    iterations++;
    if (!Number.isFinite(best) || value < best - 1e-9 * Math.abs(best)) {
      best = value;
      sinceImprovement = 0;
    } else if (++sinceImprovement >= 15) {
      theta /= 2; // Held-Karp: halve the step when the bound stalls
      sinceImprovement = 0;
    }
    let norm = 0;
    for (let pw = 0; pw < mu.length; pw++) {
      const slack = model.available[pw] - load[pw];
      // Projected subgradient: a zero price on an underused person-week stays at zero.
      if (mu[pw] > 0 || slack < 0) norm += slack * slack;
    }
    if (norm === 0 || theta < 1e-6) break; // the relaxed plan fits capacity: μ is optimal
    const step = (theta * Math.max(value - options.lowerBound, 1e-9 * Math.abs(value))) / norm;
    for (let pw = 0; pw < mu.length; pw++) mu[pw] = Math.max(0, mu[pw] - step * (model.available[pw] - load[pw]));
  }
  const kind = options.objective === 'coverage' ? 'lagrangian-capacity-coverage (headcount kept)' : 'lagrangian-capacity (headcount kept)';
  return { bound: best, iterations, timeMs: performance.now() - started, kind };
}
