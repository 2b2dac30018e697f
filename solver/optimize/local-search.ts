/**
 * Improvement by exact moves on one line's team at a time: add the best candidate while the line has
 * room, drop a member whose hours are worth less than its fragmentation penalty, or swap the weakest
 * member for the best outsider. The plan value is separable by person, so a swap's change is exactly
 * dropDelta(member) + addDelta(outsider). Passes over the lines repeat until none improves (or a work
 * cap / stop): a deterministic first-improvement descent.
 */
import { Teams } from './teams.js';

const MIN_IMPROVEMENT = 1e-6;

export interface LocalSearchStats {
  passes: number;
  moves: number;
  evaluations: number;
}

interface BestCandidate {
  pair: number;
  delta: number;
}

function bestOutsider(teams: Teams, line: number, stats: LocalSearchStats): BestCandidate {
  const inst = teams.instance;
  let best: BestCandidate = { pair: -1, delta: -Infinity };
  for (let e = inst.linePairStarts[line]; e < inst.linePairStarts[line + 1]; e++) {
    if (teams.inTeam[e]) continue;
    stats.evaluations++;
    const delta = teams.addDelta(e);
    if (delta > best.delta) best = { pair: e, delta };
  }
  return best;
}

function weakestMember(teams: Teams, line: number, stats: LocalSearchStats): BestCandidate {
  const inst = teams.instance;
  let best: BestCandidate = { pair: -1, delta: -Infinity };
  for (const e of [...teams.members[line]].sort((a, b) => a - b)) {
    if (inst.pairPinned[e]) continue;
    stats.evaluations++;
    const delta = teams.dropDelta(e);
    if (delta > best.delta) best = { pair: e, delta };
  }
  return best;
}

/** One improving move on the line, if any; returns true when the teams changed. */
export function improveLine(teams: Teams, line: number, stats: LocalSearchStats): boolean {
  const weakest = weakestMember(teams, line, stats);
  if (weakest.pair >= 0 && weakest.delta > MIN_IMPROVEMENT) {
    teams.drop(weakest.pair);
    return true;
  }
  const outsider = bestOutsider(teams, line, stats);
  if (outsider.pair < 0) return false;
  if (teams.hasRoom(line)) {
    if (outsider.delta <= MIN_IMPROVEMENT) return false;
    teams.add(outsider.pair);
    return true;
  }
  if (weakest.pair >= 0 && weakest.delta + outsider.delta > MIN_IMPROVEMENT) {
    teams.drop(weakest.pair);
    teams.add(outsider.pair);
    return true;
  }
  return outsider.delta > MIN_IMPROVEMENT && ejectionChain(teams, line, outsider, stats);
}

/** The best way to seat pair e's person on e's line: join if there is room, else replace a member. */
function bestSeat(teams: Teams, e: number, stats: LocalSearchStats): { drop: number; delta: number } {
  const inst = teams.instance;
  const line = inst.pairLine[e];
  stats.evaluations++;
  const join = teams.addDelta(e);
  if (teams.hasRoom(line)) return { drop: -1, delta: join };
  let best = { drop: -1, delta: -Infinity };
  for (const member of teams.members[line]) {
    if (inst.pairPinned[member]) continue;
    stats.evaluations++;
    const delta = join + teams.dropDelta(member);
    if (delta > best.delta || (delta === best.delta && member < best.drop)) best = { drop: member, delta };
  }
  return best;
}

/**
 * Two-line move: the outsider takes member m's seat on this line, and m takes a seat on another of
 * m's lines (joining, or replacing someone there). Catches the case greedy leaves behind — a person on
 * the wrong one of two lines, each swap alone being break-even.
 */
function ejectionChain(teams: Teams, line: number, outsider: BestCandidate, stats: LocalSearchStats): boolean {
  const inst = teams.instance;
  for (const member of [...teams.members[line]].sort((a, b) => a - b)) {
    if (inst.pairPinned[member]) continue;
    stats.evaluations++;
    const swapDelta = teams.dropDelta(member) + outsider.delta;
    teams.drop(member);
    teams.add(outsider.pair);
    const person = inst.pairPerson[member];
    let best = { pair: -1, drop: -1, delta: -Infinity };
    for (let k = inst.personPairStarts[person]; k < inst.personPairStarts[person + 1]; k++) {
      const e = inst.personPairs[k];
      if (e === member || teams.inTeam[e]) continue;
      const seat = bestSeat(teams, e, stats);
      if (seat.delta > best.delta) best = { pair: e, drop: seat.drop, delta: seat.delta };
    }
    if (best.pair >= 0 && swapDelta + best.delta > MIN_IMPROVEMENT) {
      if (best.drop >= 0) teams.drop(best.drop);
      teams.add(best.pair);
      return true;
    }
    teams.drop(outsider.pair);
    teams.add(member);
  }
  return false;
}

/**
 * Descends until no line improves, `maxPasses` passes are done, or shouldStop says so; `lines` (a
 * 0/1 mask) limits the first pass to some lines. Lines whose
 * neighbourhood did not change since their last check are skipped: a move only affects the lines of the
 * people it touched.
 */
export function localSearch(teams: Teams, maxPasses: number, shouldStop: () => boolean = () => false, lines?: Uint8Array): LocalSearchStats {
  const inst = teams.instance;
  const stats: LocalSearchStats = { passes: 0, moves: 0, evaluations: 0 };
  let dirty = lines ? lines.slice() : new Uint8Array(inst.nLines).fill(1);
  while (stats.passes < maxPasses) {
    stats.passes++;
    const next = new Uint8Array(inst.nLines);
    let changed = false;
    for (let line = 0; line < inst.nLines; line++) {
      if (!dirty[line]) continue;
      if (shouldStop()) return stats;
      const before = new Set(teams.members[line]);
      while (improveLine(teams, line, stats)) {
        stats.moves++;
        changed = true;
      }
      markTouched(teams, line, before, next);
    }
    if (!changed) break;
    dirty = next;
  }
  return stats;
}

/** Marks every line that shares a person with a pair that joined or left `line`. */
function markTouched(teams: Teams, line: number, before: Set<number>, dirty: Uint8Array): void {
  const inst = teams.instance;
  const after = new Set(teams.members[line]);
  const touched = [...before].filter((e) => !after.has(e)).concat([...after].filter((e) => !before.has(e)));
  for (const e of touched) {
    const p = inst.pairPerson[e];
    for (let k = inst.personPairStarts[p]; k < inst.personPairStarts[p + 1]; k++) dirty[inst.pairLine[inst.personPairs[k]]] = 1;
  }
}
