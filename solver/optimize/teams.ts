/**
 * A staffing decided by its teams: which people (pairs) work on each line. Given the teams, the best
 * hours follow exactly and cheaply: the only rows left that couple variables are each person's weekly
 * capacity (the line's weekly demand row is implied by "≤ headcount members × ≤ hoursPerWeek each"),
 * so every person-week is a fractional knapsack over the concave value pieces of that person's lines,
 * solved by taking pieces in order of value per hour. The plan value is therefore separable by person,
 * which makes add / drop / swap moves exact and cheap to evaluate.
 */
import { Instance, pairWeekKey } from './instance.js';

const EPSILON = 1e-9;

export class Teams {
  /** Pair indices on each line's team. */
  readonly members: number[][];
  /** Pair indices chosen for each person. */
  readonly chosen: number[][];
  readonly inTeam: Uint8Array;
  /** Cached knapsack value of each person-week for the current teams. */
  readonly weekValue: Float64Array;
  private teamPairs = 0;
  private pieceValue = new Float64Array(32);
  private pieceLength = new Float64Array(32);
  private piecePair = new Int32Array(32);

  constructor(readonly instance: Instance) {
    this.members = Array.from({ length: instance.nLines }, () => []);
    this.chosen = Array.from({ length: instance.nPeople }, () => []);
    this.inTeam = new Uint8Array(instance.nPairs);
    this.weekValue = new Float64Array(instance.nPeople * instance.nWeeks);
  }

  teamSize(line: number): number {
    return this.members[line].length;
  }

  hasRoom(line: number): boolean {
    return this.members[line].length < this.instance.lineHeadcount[line];
  }

  /** Σ knapsack values − fragmentation per team pair: the plan value up to instance.constant. */
  value(): number {
    let total = 0;
    for (let i = 0; i < this.weekValue.length; i++) total += this.weekValue[i];
    return total - this.instance.fragmentation * this.teamPairs;
  }

  size(): number {
    return this.teamPairs;
  }

  /** Knapsack value of person p in week w over the chosen pairs, plus `extra`, minus `skip` (-1 for none). */
  weekValueWith(p: number, w: number, extra: number, skip: number): number {
    const count = this.collectPieces(p, w, extra, skip);
    let room = this.instance.capacity[p * this.instance.nWeeks + w];
    let total = 0;
    for (let i = 0; i < count && room > 0; i++) {
      if (this.pieceValue[i] <= 0) break;
      const take = Math.min(room, this.pieceLength[i]);
      total += take * this.pieceValue[i];
      room -= take;
    }
    return total;
  }

  /**
   * A price for person p's hours in week w: zero when the knapsack leaves hours free, else between the
   * value of the last hour taken and the best hour left out (their midpoint). Starts the Lagrangian.
   */
  marginalPrice(p: number, w: number): number {
    const count = this.collectPieces(p, w, -1, -1);
    let room = this.instance.capacity[p * this.instance.nWeeks + w];
    let last = 0;
    for (let i = 0; i < count; i++) {
      if (this.pieceValue[i] <= 0) return 0;
      if (room <= EPSILON) return (last + this.pieceValue[i]) / 2;
      last = this.pieceValue[i];
      room -= Math.min(room, this.pieceLength[i]);
    }
    return room <= EPSILON ? last / 2 : 0;
  }

  /** Change of the plan value if pair e joined its line's team (capacity and headcount permitting). */
  addDelta(e: number): number {
    const inst = this.instance;
    const p = inst.pairPerson[e];
    const l = inst.pairLine[e];
    let delta = -inst.fragmentation;
    for (let k = inst.lineWeekStarts[l]; k < inst.lineWeekStarts[l + 1]; k++) {
      const w = inst.lineWeeks[k];
      delta += this.weekValueWith(p, w, e, -1) - this.weekValue[p * inst.nWeeks + w];
    }
    return delta;
  }

  /** Change of the plan value if pair e left its line's team. */
  dropDelta(e: number): number {
    const inst = this.instance;
    const p = inst.pairPerson[e];
    const l = inst.pairLine[e];
    let delta = inst.fragmentation;
    for (let k = inst.lineWeekStarts[l]; k < inst.lineWeekStarts[l + 1]; k++) {
      const w = inst.lineWeeks[k];
      delta += this.weekValueWith(p, w, -1, e) - this.weekValue[p * inst.nWeeks + w];
    }
    return delta;
  }

  add(e: number): void {
    if (this.inTeam[e]) return;
    const inst = this.instance;
    this.inTeam[e] = 1;
    this.members[inst.pairLine[e]].push(e);
    this.chosen[inst.pairPerson[e]].push(e);
    this.teamPairs++;
    this.refreshLineWeeks(e);
  }

  drop(e: number): void {
    if (!this.inTeam[e]) return;
    const inst = this.instance;
    this.inTeam[e] = 0;
    removeValue(this.members[inst.pairLine[e]], e);
    removeValue(this.chosen[inst.pairPerson[e]], e);
    this.teamPairs--;
    this.refreshLineWeeks(e);
  }

  /** The hours of every chosen pair in every week of its line (pinned cells excluded: they are fixed). */
  allocate(emit: (pair: number, week: number, hours: number) => void): void {
    const inst = this.instance;
    for (let p = 0; p < inst.nPeople; p++) {
      if (this.chosen[p].length === 0) continue;
      for (let w = 0; w < inst.nWeeks; w++) {
        const count = this.collectPieces(p, w, -1, -1);
        let room = inst.capacity[p * inst.nWeeks + w];
        const hoursByPair = new Map<number, number>();
        for (let i = 0; i < count && room > 0; i++) {
          if (this.pieceValue[i] <= 0) break;
          const take = Math.min(room, this.pieceLength[i]);
          hoursByPair.set(this.piecePair[i], (hoursByPair.get(this.piecePair[i]) ?? 0) + take);
          room -= take;
        }
        for (const [pair, hours] of [...hoursByPair].sort((a, b) => a[0] - b[0])) if (hours > EPSILON) emit(pair, w, hours);
      }
    }
  }

  private refreshLineWeeks(e: number): void {
    const inst = this.instance;
    const p = inst.pairPerson[e];
    const l = inst.pairLine[e];
    for (let k = inst.lineWeekStarts[l]; k < inst.lineWeekStarts[l + 1]; k++) {
      const w = inst.lineWeeks[k];
      this.weekValue[p * inst.nWeeks + w] = this.weekValueWith(p, w, -1, -1);
    }
  }

  /** Gathers the value pieces of person p in week w, sorted by value per hour (ties: lower pair first). */
  private collectPieces(p: number, w: number, extra: number, skip: number): number {
    const list = this.chosen[p];
    let count = 0;
    for (let i = 0; i <= list.length; i++) {
      const e = i < list.length ? list[i] : extra;
      if (e < 0 || e === skip || (i === list.length && this.inTeam[e])) continue;
      count = this.pushPieces(e, w, count);
    }
    sortPieces(this.pieceValue, this.pieceLength, this.piecePair, count);
    return count;
  }

  private pushPieces(e: number, w: number, count: number): number {
    const inst = this.instance;
    const l = inst.pairLine[e];
    if (!inst.lineCovers[l * inst.nWeeks + w]) return count;
    const key = pairWeekKey(inst, e, w);
    if (inst.pairPinned[e] && inst.pinned.has(key)) return count;
    if (count + 2 > this.pieceValue.length) this.growPieces();
    const hours = inst.lineHours[l];
    const v = inst.pairValue[e];
    const previous = inst.pairHasPrevious[e] ? Math.min(hours, inst.previous.get(key) ?? 0) : 0;
    if (previous > 0) {
      this.setPiece(count++, v + inst.churn, previous, e);
    }
    if (hours - previous > 0) this.setPiece(count++, v - inst.churn, hours - previous, e);
    return count;
  }

  private setPiece(i: number, value: number, length: number, pair: number): void {
    this.pieceValue[i] = value;
    this.pieceLength[i] = length;
    this.piecePair[i] = pair;
  }

  private growPieces(): void {
    const size = this.pieceValue.length * 2;
    const value = new Float64Array(size);
    const length = new Float64Array(size);
    const pair = new Int32Array(size);
    value.set(this.pieceValue);
    length.set(this.pieceLength);
    pair.set(this.piecePair);
    this.pieceValue = value;
    this.pieceLength = length;
    this.piecePair = pair;
  }
}

function removeValue(list: number[], value: number): void {
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
}

/** Insertion sort (a person-week has a handful of pieces): value descending, then pair ascending. */
function sortPieces(value: Float64Array, length: Float64Array, pair: Int32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const v = value[i];
    const len = length[i];
    const e = pair[i];
    let j = i - 1;
    while (j >= 0 && (value[j] < v || (value[j] === v && pair[j] > e))) {
      value[j + 1] = value[j];
      length[j + 1] = length[j];
      pair[j + 1] = pair[j];
      j--;
    }
    value[j + 1] = v;
    length[j + 1] = len;
    pair[j + 1] = e;
  }
}
