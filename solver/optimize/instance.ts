/**
 * The PlanningProblem compiled into flat typed arrays the optimizer loops over: lines, eligible pairs
 * (grouped by line and by person), free capacity per person-week after pins, and the sparse pinned and
 * previous hours. Nothing here is dense in person × line × week: only person × week and line × week.
 *
 * Objective bookkeeping. With v = probability × (marginPerHour + U) per hour of a pair, and q the previous
 * plan's hours of a (pair, week), the value of x hours is v·x − C·|x − q| = pieces(x) − C·q, where
 * pieces are a concave piecewise-linear function: slope v + C up to q, then v − C up to hoursPerWeek.
 * So value = constant + Σ pieces − F × pairs used, and `constant` collects −U × expected demand,
 * −C × previous hours, and the value of pinned hours (which are fixed).
 */
import type { PlanningProblem } from '../types.js';

export interface Instance {
  problem: PlanningProblem;
  nPeople: number;
  nLines: number;
  nWeeks: number;
  nPairs: number;
  lineHours: Float64Array;
  lineHeadcount: Int32Array;
  lineProbability: Float64Array;
  /** CSR: weeks of line l are lineWeeks[lineWeekStarts[l] .. lineWeekStarts[l + 1]). */
  lineWeekStarts: Int32Array;
  lineWeeks: Int32Array;
  /** lineCovers[l × nWeeks + w] = 1 when line l demands hours in week w. */
  lineCovers: Uint8Array;
  /** Pairs sorted by (line, person): those of line l are linePairStarts[l] .. linePairStarts[l + 1]. */
  linePairStarts: Int32Array;
  pairPerson: Int32Array;
  pairLine: Int32Array;
  /** probability × (marginPerHour + U): the value of one staffed hour before churn. */
  pairValue: Float64Array;
  /** Index of the pair in problem.pairs. */
  pairSource: Int32Array;
  /** CSR of pair indices by person. */
  personPairStarts: Int32Array;
  personPairs: Int32Array;
  /** Available hours minus pinned hours, per person × week (floored at 0). */
  capacity: Float64Array;
  unmetPenalty: number;
  fragmentation: number;
  churn: number;
  /** Previous-plan hours by pairWeekKey, on eligible pairs only. */
  previous: Map<number, number>;
  pairHasPrevious: Uint8Array;
  /** Pinned hours by pairWeekKey; such (pair, week) cells are fixed. */
  pinned: Map<number, number>;
  pairPinned: Uint8Array;
  /** Pins on a (person, line) that is not an eligible pair: kept as given, never optimized. */
  foreignPins: { person: number; line: number; week: number; hours: number }[];
  /** Value of everything fixed, see the module comment. */
  constant: number;
  /** The −U × expected demand part of `constant`. */
  constantUnmet: number;
  /** Why the pins alone already break a plan rule (empty when they do not). */
  pinConflicts: string[];
}

export function pairWeekKey(instance: Pick<Instance, 'nWeeks'>, pair: number, week: number): number {
  return pair * instance.nWeeks + week;
}

function compileLines(problem: PlanningProblem, nWeeks: number) {
  const nLines = problem.lines.length;
  const lineHours = new Float64Array(nLines);
  const lineHeadcount = new Int32Array(nLines);
  const lineProbability = new Float64Array(nLines);
  const lineWeekStarts = new Int32Array(nLines + 1);
  const lineCovers = new Uint8Array(nLines * nWeeks);
  const weekList: number[] = [];
  problem.lines.forEach((line, l) => {
    lineHours[l] = line.hoursPerWeek;
    lineHeadcount[l] = line.headcount;
    lineProbability[l] = line.probability;
    for (const w of [...new Set(line.weeks)].sort((a, b) => a - b)) {
      if (w < 0 || w >= nWeeks) continue;
      weekList.push(w);
      lineCovers[l * nWeeks + w] = 1;
    }
    lineWeekStarts[l + 1] = weekList.length;
  });
  return { nLines, lineHours, lineHeadcount, lineProbability, lineWeekStarts, lineWeeks: Int32Array.from(weekList), lineCovers };
}

function compilePairs(problem: PlanningProblem, nLines: number, nPeople: number) {
  const order = problem.pairs.map((_, i) => i);
  order.sort((a, b) => problem.pairs[a].line - problem.pairs[b].line || problem.pairs[a].person - problem.pairs[b].person || a - b);
  const unique = order.filter((index, k) => {
    if (k === 0) return true;
    const prev = problem.pairs[order[k - 1]];
    return prev.line !== problem.pairs[index].line || prev.person !== problem.pairs[index].person;
  });
  const nPairs = unique.length;
  const pairPerson = new Int32Array(nPairs);
  const pairLine = new Int32Array(nPairs);
  const pairValue = new Float64Array(nPairs);
  const pairSource = Int32Array.from(unique);
  const linePairStarts = new Int32Array(nLines + 1);
  const personCounts = new Int32Array(nPeople + 1);
  unique.forEach((source, e) => {
    const pair = problem.pairs[source];
    pairPerson[e] = pair.person;
    pairLine[e] = pair.line;
    pairValue[e] = problem.lines[pair.line].probability * (pair.marginPerHour + problem.unmetPenaltyPerHour);
    linePairStarts[pair.line + 1]++;
    personCounts[pair.person + 1]++;
  });
  for (let l = 0; l < nLines; l++) linePairStarts[l + 1] += linePairStarts[l];
  for (let p = 0; p < nPeople; p++) personCounts[p + 1] += personCounts[p];
  const personPairStarts = personCounts.slice();
  const fill = personCounts.slice(0, nPeople);
  const personPairs = new Int32Array(nPairs);
  for (let e = 0; e < nPairs; e++) personPairs[fill[pairPerson[e]]++] = e;
  return { nPairs, pairPerson, pairLine, pairValue, pairSource, linePairStarts, personPairStarts, personPairs };
}

function findPair(instance: Pick<Instance, 'linePairStarts' | 'pairPerson'>, person: number, line: number): number {
  let lo = instance.linePairStarts[line];
  let hi = instance.linePairStarts[line + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = instance.pairPerson[mid];
    if (at === person) return mid;
    if (at < person) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export { findPair };

/** −U × Σ probability × weekly demand over every planned line-week. */
function unmetConstant(problem: PlanningProblem, lines: ReturnType<typeof compileLines>): number {
  let total = 0;
  for (let l = 0; l < lines.nLines; l++) {
    const weeks = lines.lineWeekStarts[l + 1] - lines.lineWeekStarts[l];
    total += lines.lineProbability[l] * lines.lineHours[l] * lines.lineHeadcount[l] * weeks;
  }
  return -problem.unmetPenaltyPerHour * total;
}

export function compileInstance(problem: PlanningProblem): Instance {
  const nWeeks = problem.weeks.length;
  const nPeople = problem.people.length;
  const lines = compileLines(problem, nWeeks);
  const pairs = compilePairs(problem, lines.nLines, nPeople);
  const capacity = new Float64Array(nPeople * nWeeks);
  problem.people.forEach((person, p) => {
    for (let w = 0; w < nWeeks; w++) capacity[p * nWeeks + w] = Math.max(0, person.available[w] ?? 0);
  });
  const instance: Instance = {
    problem,
    nPeople,
    nWeeks,
    ...lines,
    ...pairs,
    capacity,
    unmetPenalty: problem.unmetPenaltyPerHour,
    fragmentation: problem.fragmentationPenaltyPerPair,
    // Churn is measured against a previous plan; without one there is nothing to move away from.
    churn: problem.previous.length > 0 ? problem.churnPenaltyPerHour : 0,
    previous: new Map(),
    pairHasPrevious: new Uint8Array(pairs.nPairs),
    pinned: new Map(),
    pairPinned: new Uint8Array(pairs.nPairs),
    foreignPins: [],
    constant: unmetConstant(problem, lines),
    constantUnmet: unmetConstant(problem, lines),
    pinConflicts: [],
  };
  applyPins(instance);
  applyPrevious(instance);
  return instance;
}

function applyPins(instance: Instance): void {
  const { problem, nWeeks } = instance;
  for (const pin of problem.pinned) {
    if (!(pin.hours > 0)) continue;
    const e = findPair(instance, pin.person, pin.line);
    if (e < 0 || !instance.lineCovers[pin.line * nWeeks + pin.week]) {
      instance.foreignPins.push({ ...pin });
      instance.pinConflicts.push(`pinned ${pin.hours} h of person ${pin.person} on line ${pin.line} week ${pin.week} is not an eligible line-week`);
    } else {
      const key = pairWeekKey(instance, e, pin.week);
      instance.pinned.set(key, (instance.pinned.get(key) ?? 0) + pin.hours);
      instance.pairPinned[e] = 1;
    }
    const cell = pin.person * nWeeks + pin.week;
    instance.capacity[cell] -= pin.hours;
  }
  for (let cell = 0; cell < instance.capacity.length; cell++) {
    if (instance.capacity[cell] < -1e-6) {
      instance.pinConflicts.push(`pins exceed the available hours of person ${Math.floor(cell / nWeeks)} in week ${cell % nWeeks}`);
    }
    if (instance.capacity[cell] < 0) instance.capacity[cell] = 0;
  }
  for (const [key, hours] of instance.pinned) {
    const line = instance.pairLine[Math.floor(key / nWeeks)];
    if (hours > instance.lineHours[line] + 1e-6) instance.pinConflicts.push(`pins exceed hoursPerWeek of line ${line} in week ${key % nWeeks}`);
  }
  for (let l = 0; l < instance.nLines; l++) {
    let pinnedPeople = 0;
    for (let e = instance.linePairStarts[l]; e < instance.linePairStarts[l + 1]; e++) pinnedPeople += instance.pairPinned[e];
    pinnedPeople += new Set(instance.foreignPins.filter((pin) => pin.line === l).map((pin) => pin.person)).size;
    if (pinnedPeople > instance.lineHeadcount[l]) instance.pinConflicts.push(`pins put ${pinnedPeople} people on line ${l} (headcount ${instance.lineHeadcount[l]})`);
  }
}

/** Previous hours on eligible line-weeks become churn pieces; the rest can only be lost (constant churn). */
function applyPrevious(instance: Instance): void {
  const { problem, nWeeks } = instance;
  for (const entry of problem.previous) {
    if (!(entry.hours > 0)) continue;
    const e = findPair(instance, entry.person, entry.line);
    if (e < 0 || !instance.lineCovers[entry.line * nWeeks + entry.week]) {
      instance.constant -= instance.churn * entry.hours;
      continue;
    }
    const key = pairWeekKey(instance, e, entry.week);
    instance.previous.set(key, (instance.previous.get(key) ?? 0) + entry.hours);
    instance.pairHasPrevious[e] = 1;
  }
  for (const [key, q] of instance.previous) {
    if (!instance.pinned.has(key)) instance.constant -= instance.churn * q;
  }
  for (const [key, hours] of instance.pinned) {
    const e = Math.floor(key / nWeeks);
    const q = instance.previous.get(key) ?? 0;
    instance.constant += instance.pairValue[e] * hours - instance.churn * Math.abs(hours - q);
  }
  for (const pin of instance.foreignPins) {
    instance.constant += problem.lines[pin.line].probability * problem.unmetPenaltyPerHour * pin.hours;
  }
  const foreignPairs = new Set(instance.foreignPins.map((pin) => pin.person * instance.nLines + pin.line));
  instance.constant -= instance.fragmentation * foreignPairs.size;
}
