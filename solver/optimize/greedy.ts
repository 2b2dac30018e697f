/**
 * Construction: lazy greedy over (person, line) pairs. The plan value is submodular in the set of
 * chosen pairs (each person-week is a fractional knapsack), so a pair's gain only shrinks as others are
 * chosen; a stale gain at the top of the heap is re-evaluated and either taken (still the best) or pushed
 * back. Pinned pairs are on their teams from the start. Ties break on the pair index: deterministic.
 */
import { Instance } from './instance.js';
import { Teams } from './teams.js';

const MIN_GAIN = 1e-7;

/** Max-heap of (gain, pair) in typed arrays; equal gains pop the lower pair index first. */
export class GainHeap {
  private gains: Float64Array;
  private pairs: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.gains = new Float64Array(Math.max(1, capacity));
    this.pairs = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  topGain(): number {
    return this.count > 0 ? this.gains[0] : -Infinity;
  }

  push(gain: number, pair: number): void {
    if (this.count === this.gains.length) this.grow();
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(gain, pair, this.gains[parent], this.pairs[parent])) break;
      this.gains[i] = this.gains[parent];
      this.pairs[i] = this.pairs[parent];
      i = parent;
    }
    this.gains[i] = gain;
    this.pairs[i] = pair;
  }

  /** Removes the top and returns its pair (read topGain() first for its gain). */
  pop(): number {
    const top = this.pairs[0];
    const lastGain = this.gains[--this.count];
    const lastPair = this.pairs[this.count];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.count) break;
      if (child + 1 < this.count && this.before(this.gains[child + 1], this.pairs[child + 1], this.gains[child], this.pairs[child])) child++;
      if (!this.before(this.gains[child], this.pairs[child], lastGain, lastPair)) break;
      this.gains[i] = this.gains[child];
      this.pairs[i] = this.pairs[child];
      i = child;
    }
    this.gains[i] = lastGain;
    this.pairs[i] = lastPair;
    return top;
  }

  private before(gainA: number, pairA: number, gainB: number, pairB: number): boolean {
    return gainA > gainB || (gainA === gainB && pairA < pairB);
  }

  private grow(): void {
    const gains = new Float64Array(this.gains.length * 2);
    const pairs = new Int32Array(this.pairs.length * 2);
    gains.set(this.gains);
    pairs.set(this.pairs);
    this.gains = gains;
    this.pairs = pairs;
  }
}

/** Puts every pinned pair on its team: pins stand as given and take a headcount slot. */
export function seatPinnedPairs(teams: Teams): void {
  const inst = teams.instance;
  for (let e = 0; e < inst.nPairs; e++) if (inst.pairPinned[e]) teams.add(e);
}

/**
 * Lazy greedy: repeatedly adds the pair with the largest exact gain while a line has room. `candidates`
 * (ascending) limits it to some pairs, e.g. the lines a perturbation emptied.
 */
export function greedyTeams(teams: Teams, shouldStop: () => boolean = () => false, candidates?: ArrayLike<number>): void {
  const inst: Instance = teams.instance;
  seatPinnedPairs(teams);
  const heap = new GainHeap(candidates ? candidates.length : inst.nPairs);
  const count = candidates ? candidates.length : inst.nPairs;
  for (let i = 0; i < count; i++) {
    const e = candidates ? candidates[i] : i;
    if (teams.inTeam[e] || !teams.hasRoom(inst.pairLine[e])) continue;
    const gain = teams.addDelta(e);
    if (gain > MIN_GAIN) heap.push(gain, e);
  }
  let steps = 0;
  while (heap.size > 0) {
    if ((++steps & 1023) === 0 && shouldStop()) return;
    const e = heap.pop();
    if (teams.inTeam[e] || !teams.hasRoom(inst.pairLine[e])) continue;
    const gain = teams.addDelta(e);
    if (gain <= MIN_GAIN) continue;
    if (gain >= heap.topGain()) teams.add(e);
    else heap.push(gain, e);
  }
}
