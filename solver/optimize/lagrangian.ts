/**
 * An honest upper bound at any size: Lagrangian relaxation of the person-week capacity rows.
 * With prices λ ≥ 0 on each person's weekly hours, the problem splits by line: each line takes its
 * pinned pairs plus the best (headcount − pinned) people by score Σ_w Σ_pieces max(0, value − λ)·length − F.
 * A pair-week never carries more than min(hoursPerWeek, the person's free hours) — a valid cut that makes
 * every dual value tighter. The line problem is integral, so the best λ gives the bound of the full model's
 * LP relaxation WITH headcount (the "continuity" relaxation), and every λ — not only the best — is valid.
 * λ is improved by projected subgradient steps: Polyak steps towards the best known plan value, the step
 * factor halved after STALL_LIMIT evaluations without a new best (Held-Karp), as the benchmark's reference.
 * The same machinery in 'coverage' mode (value = probability per hour, no fragmentation) bounds the most
 * expected hours any plan could cover.
 */
import { Components } from './components.js';
import { Instance, pairWeekKey } from './instance.js';

export type DualMode = 'value' | 'coverage';

const STALL_LIMIT = 15;

export interface DualEvaluation {
  /** Dual value per component (without instance.constant). */
  byComponent: Float64Array;
  total: number;
}

interface Chosen {
  pairs: number[];
  scores: number[];
}

/** Hours and score of pair e against prices λ: pieces worth more than their person-week price. */
function pairScore(inst: Instance, e: number, lambda: Float64Array, mode: DualMode, usage: Float64Array | null): number {
  const l = inst.pairLine[e];
  const p = inst.pairPerson[e];
  const hours = inst.lineHours[l];
  let score = mode === 'value' ? -inst.fragmentation : 0;
  for (let k = inst.lineWeekStarts[l]; k < inst.lineWeekStarts[l + 1]; k++) {
    const w = inst.lineWeeks[k];
    const cell = p * inst.nWeeks + w;
    // A person-week without free hours is priced out entirely (λ = ∞ there costs nothing: λ × 0 = 0).
    const room = Math.min(hours, inst.capacity[cell]);
    if (room <= 0) continue;
    const price = lambda[cell];
    let previous = 0;
    if (inst.pairHasPrevious[e] || inst.pairPinned[e]) {
      const key = pairWeekKey(inst, e, w);
      if (inst.pairPinned[e] && inst.pinned.has(key)) continue;
      previous = Math.min(room, inst.previous.get(key) ?? 0);
    }
    if (mode === 'coverage') {
      const gain = inst.lineProbability[l] - price;
      if (gain > 0) {
        score += gain * room;
        if (usage) usage[cell] += room;
      }
      continue;
    }
    const v = inst.pairValue[e];
    const first = v + inst.churn - price;
    const second = v - inst.churn - price;
    let used = 0;
    if (previous > 0 && first > 0) {
      score += first * previous;
      used += previous;
    }
    if (second > 0) {
      score += second * (room - previous);
      used += room - previous;
    }
    if (usage && used > 0) usage[cell] += used;
  }
  return score;
}

/** The line's best team against λ: pinned pairs always, then the top positive scores up to headcount. */
export function bestTeam(inst: Instance, line: number, lambda: Float64Array, mode: DualMode): Chosen {
  const chosen: Chosen = { pairs: [], scores: [] };
  const top: { pair: number; score: number }[] = [];
  let slots = inst.lineHeadcount[line];
  for (let e = inst.linePairStarts[line]; e < inst.linePairStarts[line + 1]; e++) {
    const score = pairScore(inst, e, lambda, mode, null);
    if (inst.pairPinned[e]) {
      chosen.pairs.push(e);
      chosen.scores.push(score);
      slots--;
    } else if (score > 0) {
      top.push({ pair: e, score });
    }
  }
  top.sort((a, b) => b.score - a.score || a.pair - b.pair);
  for (const entry of top.slice(0, Math.max(0, slots))) {
    chosen.pairs.push(entry.pair);
    chosen.scores.push(entry.score);
  }
  return chosen;
}

/** L(λ) by component; fills `usage` (hours the line problems take per person-week) when given. */
export function evaluateDual(inst: Instance, components: Components, lambda: Float64Array, mode: DualMode, usage: Float64Array | null): DualEvaluation {
  const byComponent = new Float64Array(components.count);
  for (let c = 0; c < components.count; c++) {
    for (const p of components.people[c]) {
      for (let w = 0; w < inst.nWeeks; w++) byComponent[c] += lambda[p * inst.nWeeks + w] * inst.capacity[p * inst.nWeeks + w];
    }
    for (const line of components.lines[c]) {
      const team = bestTeam(inst, line, lambda, mode);
      for (let i = 0; i < team.pairs.length; i++) {
        byComponent[c] += team.scores[i];
        if (usage) pairScore(inst, team.pairs[i], lambda, mode, usage);
      }
    }
  }
  let total = 0;
  for (const value of byComponent) total += value;
  return { byComponent, total };
}

export interface SubgradientOptions {
  mode?: DualMode;
  iterations: number;
  /** The best known plan value (or coverage) per component, same scale as the dual: the Polyak target. */
  targets: Float64Array;
  shouldStop: () => boolean;
  /** Iterations whose prices are kept in `snapshots` (for the Lagrangian heuristic). */
  snapshotAt?: number[];
}

export interface LagrangianBound {
  /** Best (lowest) dual value seen per component, without instance.constant. */
  byComponent: Float64Array;
  /** The prices of the best total dual value. */
  lambda: Float64Array;
  iterations: number;
  /** Prices at the iterations asked for in snapshotAt (those reached). */
  snapshots: Float64Array[];
}

/** Σ over capacity cells of g² for the projected subgradient g = capacity − usage. */
function projectedNorm(inst: Instance, lambda: Float64Array, usage: Float64Array): number {
  let norm = 0;
  for (let cell = 0; cell < lambda.length; cell++) {
    const g = inst.capacity[cell] - usage[cell];
    if (inst.capacity[cell] > 0 && (g < 0 || lambda[cell] > 0)) norm += g * g;
  }
  return norm;
}

/** Projected subgradient descent on L(λ), keeping the best value of each component separately. */
export function lagrangianBound(inst: Instance, components: Components, start: Float64Array, options: SubgradientOptions): LagrangianBound {
  const mode = options.mode ?? 'value';
  const lambda = start.slice();
  let bestLambda = lambda.slice();
  const best = new Float64Array(components.count).fill(Infinity);
  const usage = new Float64Array(lambda.length);
  let target = 0;
  for (let c = 0; c < components.count; c++) target += options.targets[c];
  let theta = 1;
  let stale = 0;
  let iterations = 0;
  let bestTotal = Infinity;
  const snapshots: Float64Array[] = [];
  // The first evaluation always runs, stop or not: every plan leaves with a finite bound.
  for (; iterations < options.iterations && (iterations === 0 || !options.shouldStop()); iterations++) {
    if (options.snapshotAt?.includes(iterations)) snapshots.push(lambda.slice());
    usage.fill(0);
    const dual = evaluateDual(inst, components, lambda, mode, usage);
    for (let c = 0; c < components.count; c++) best[c] = Math.min(best[c], dual.byComponent[c]);
    if (dual.total < bestTotal - 1e-12 * Math.abs(bestTotal)) {
      bestTotal = dual.total;
      bestLambda = lambda.slice();
      stale = 0;
    } else if (++stale >= STALL_LIMIT) {
      theta /= 2;
      stale = 0;
    }
    const room = dual.total - target;
    if (room <= 1e-9 * Math.max(1, Math.abs(target)) || theta < 1e-4) break;
    const norm = projectedNorm(inst, lambda, usage);
    if (norm === 0) break;
    const step = (theta * room) / norm;
    for (let cell = 0; cell < lambda.length; cell++) {
      if (inst.capacity[cell] > 0) lambda[cell] = Math.max(0, lambda[cell] - step * (inst.capacity[cell] - usage[cell]));
    }
  }
  return { byComponent: best, lambda: bestLambda, iterations, snapshots };
}

/**
 * A bound on coverage (Σ probability × hours): its own subgradient run in coverage units, started from
 * the value prices rescaled (λ / U is close to the coverage problem's prices) and steered by the plan's
 * coverage. Any λ ≥ 0 is valid; capped by the expected demand, which no plan exceeds.
 */
export function coverageBound(inst: Instance, components: Components, lambda: Float64Array, options: Omit<SubgradientOptions, 'mode'>): number {
  const scaled = new Float64Array(lambda.length);
  for (let i = 0; i < lambda.length; i++) scaled[i] = lambda[i] / inst.unmetPenalty;
  const run = lagrangianBound(inst, components, scaled, { ...options, mode: 'coverage' });
  let total = 0;
  for (let c = 0; c < components.count; c++) total += Math.max(run.byComponent[c], options.targets[c]);
  return Math.min(total + pinnedCoverage(inst), expectedDemand(inst));
}

/** Coverage of the pinned hours, which every plan has. */
export function pinnedCoverage(inst: Instance): number {
  let total = 0;
  for (const [key, hours] of inst.pinned) total += inst.lineProbability[inst.pairLine[Math.floor(key / inst.nWeeks)]] * hours;
  for (const pin of inst.foreignPins) total += inst.lineProbability[pin.line] * pin.hours;
  return total;
}

/** Σ probability × weekly demand over every line-week: no plan covers more. */
export function expectedDemand(inst: Instance): number {
  return -inst.constantUnmet / inst.unmetPenalty;
}
