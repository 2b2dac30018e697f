/**
 * Independent parts of the staffing problem: connected components of the person–line eligibility graph
 * (a pin on a non-eligible pair links its person and line too). Nothing couples two components — no
 * shared person, no shared line — so each can be solved, bounded and proven on its own.
 */
import { Instance } from './instance.js';

export interface Components {
  count: number;
  /** Component of each line (-1 for a line nobody is eligible for). */
  lineComponent: Int32Array;
  /** Component of each person (-1 for a person eligible for nothing). */
  personComponent: Int32Array;
  /** Lines of each component, ascending. */
  lines: number[][];
  /** People of each component, ascending. */
  people: number[][];
  /** Pair-weeks (model columns before pieces) of each component: its size for an exact solve. */
  pairWeeks: number[];
  pairs: number[];
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/** Nodes 0..nLines-1 are lines, then people; components are numbered by their lowest line. */
export function findComponents(inst: Instance): Components {
  const parent = Int32Array.from({ length: inst.nLines + inst.nPeople }, (_, i) => i);
  for (let e = 0; e < inst.nPairs; e++) union(parent, inst.pairLine[e], inst.nLines + inst.pairPerson[e]);
  for (const pin of inst.foreignPins) union(parent, pin.line, inst.nLines + pin.person);
  const lineComponent = new Int32Array(inst.nLines).fill(-1);
  const personComponent = new Int32Array(inst.nPeople).fill(-1);
  const idOfRoot = new Map<number, number>();
  const lines: number[][] = [];
  const people: number[][] = [];
  const pairWeeks: number[] = [];
  const pairs: number[] = [];
  for (let l = 0; l < inst.nLines; l++) {
    if (inst.linePairStarts[l + 1] === inst.linePairStarts[l] && !inst.foreignPins.some((pin) => pin.line === l)) continue;
    const root = find(parent, l);
    let id = idOfRoot.get(root);
    if (id === undefined) {
      id = lines.length;
      idOfRoot.set(root, id);
      lines.push([]);
      people.push([]);
      pairWeeks.push(0);
      pairs.push(0);
    }
    lineComponent[l] = id;
    lines[id].push(l);
    const count = inst.linePairStarts[l + 1] - inst.linePairStarts[l];
    pairs[id] += count;
    pairWeeks[id] += count * (inst.lineWeekStarts[l + 1] - inst.lineWeekStarts[l]);
  }
  for (let p = 0; p < inst.nPeople; p++) {
    const id = idOfRoot.get(find(parent, inst.nLines + p));
    if (id === undefined) continue;
    personComponent[p] = id;
    people[id].push(p);
  }
  return { count: lines.length, lineComponent, personComponent, lines, people, pairWeeks, pairs };
}
