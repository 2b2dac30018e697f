/**
 * The exact staffing MIP over a chosen set of pairs (a whole component, or the candidates a heuristic
 * kept): binary y per pair ("on the team"), hour pieces per (pair, week) linked by Σ pieces ≤ hoursPerWeek·y,
 * each person-week's capacity, and Σ y ≤ headcount per line. The line's weekly demand row is implied and
 * left out. Objective = Σ piece values − F·Σ y, i.e. the Teams value. The answer is read back as teams:
 * the hours then follow exactly from Teams' knapsacks.
 */
import { getBackend, LinearProgram, LpBackend, LpBuilder, LpResult, LpSolveOptions } from '../lp/index.js';
import type { BackendName } from '../types.js';
import { Instance, pairWeekKey } from './instance.js';
import { Teams } from './teams.js';

export interface TeamMip {
  lp: LinearProgram;
  /** Pair of each y column, in column order. */
  pairs: number[];
  yColumn: Map<number, number>;
  /** Columns of every piece of pair e in week w, by pairWeekKey. */
  pieceColumns: Map<number, number[]>;
}

interface PieceSpec {
  value: number;
  length: number;
}

function piecesOf(inst: Instance, e: number, w: number): PieceSpec[] {
  const l = inst.pairLine[e];
  const key = pairWeekKey(inst, e, w);
  if (inst.pairPinned[e] && inst.pinned.has(key)) return [];
  const hours = inst.lineHours[l];
  const previous = inst.pairHasPrevious[e] ? Math.min(hours, inst.previous.get(key) ?? 0) : 0;
  const pieces: PieceSpec[] = [];
  if (previous > 0) pieces.push({ value: inst.pairValue[e] + inst.churn, length: previous });
  if (hours - previous > 0) pieces.push({ value: inst.pairValue[e] - inst.churn, length: hours - previous });
  return pieces;
}

/**
 * Builds the MIP over `pairs` (ascending pair indices). Pinned pairs, and pairs in `fixed` (team
 * members held in place around a neighbourhood), are forced onto their teams.
 */
export function buildTeamMip(inst: Instance, pairs: number[], fixed: ReadonlySet<number> = new Set()): TeamMip {
  const builder = new LpBuilder('max');
  const yColumn = new Map<number, number>();
  const pieceColumns = new Map<number, number[]>();
  const capacityTerms = new Map<number, number[]>();
  for (const e of pairs) {
    const y = builder.addColumn(-inst.fragmentation, inst.pairPinned[e] || fixed.has(e) ? 1 : 0, 1, true);
    yColumn.set(e, y);
    const l = inst.pairLine[e];
    const p = inst.pairPerson[e];
    for (let k = inst.lineWeekStarts[l]; k < inst.lineWeekStarts[l + 1]; k++) {
      const w = inst.lineWeeks[k];
      const cell = p * inst.nWeeks + w;
      // A pair-week never carries more than the person's free hours: linking with min(hoursPerWeek, free)
      // is a valid cut that tightens the LP relaxation (and a zero-capacity week needs no columns).
      const room = Math.min(inst.lineHours[l], inst.capacity[cell]);
      if (room <= 0) continue;
      const columns = piecesOf(inst, e, w).map((piece) => builder.addColumn(piece.value, 0, Math.min(piece.length, room)));
      if (columns.length === 0) continue;
      pieceColumns.set(pairWeekKey(inst, e, w), columns);
      builder.addRow([...columns, y], [...columns.map(() => 1), -room], -Infinity, 0);
      const terms = capacityTerms.get(cell) ?? [];
      terms.push(...columns);
      capacityTerms.set(cell, terms);
    }
  }
  for (const cell of [...capacityTerms.keys()].sort((a, b) => a - b)) {
    const terms = capacityTerms.get(cell)!;
    builder.addRow(terms, terms.map(() => 1), -Infinity, inst.capacity[cell]);
  }
  const byLine = new Map<number, number[]>();
  for (const e of pairs) {
    const list = byLine.get(inst.pairLine[e]) ?? [];
    list.push(yColumn.get(e)!);
    byLine.set(inst.pairLine[e], list);
  }
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const columns = byLine.get(line)!;
    if (columns.length > inst.lineHeadcount[line]) builder.addRow(columns, columns.map(() => 1), -Infinity, inst.lineHeadcount[line]);
  }
  return { lp: builder.build(), pairs, yColumn, pieceColumns };
}

/** The teams' own plan as a MIP start: y from membership, pieces filled as the knapsacks fill them. */
export function startingPoint(mip: TeamMip, teams: Teams): Float64Array {
  const values = new Float64Array(mip.lp.numCols);
  const inst = teams.instance;
  for (const [e, column] of mip.yColumn) values[column] = teams.inTeam[e];
  teams.allocate((e, w, hours) => {
    const columns = mip.pieceColumns.get(pairWeekKey(inst, e, w));
    if (!columns) return;
    let left = hours;
    for (const column of columns) {
      const take = Math.min(left, mip.lp.colUpper[column]);
      values[column] = take;
      left -= take;
    }
  });
  return values;
}

export interface TeamMipAnswer {
  result: LpResult;
  /** Pairs with y = 1 in the verified answer (empty without a solution). */
  chosen: number[];
}

/** Solves with a named backend (or any LpBackend, e.g. a test double); the LP layer verifies the answer. */
export async function solveTeamMip(mip: TeamMip, backend: BackendName | LpBackend, options: LpSolveOptions): Promise<TeamMipAnswer> {
  const solver = typeof backend === 'string' ? getBackend(backend) : backend;
  const result = await solver.solve(mip.lp, options);
  const chosen = result.hasSolution ? mip.pairs.filter((e) => result.values[mip.yColumn.get(e)!] > 0.5) : [];
  return { result, chosen };
}

/** Replaces the teams of the MIP's pairs with the MIP's choice (other pairs are untouched). */
export function adoptTeams(teams: Teams, mip: TeamMip, chosen: number[]): void {
  const keep = new Set(chosen);
  for (const e of mip.pairs) if (teams.inTeam[e] && !keep.has(e)) teams.drop(e);
  for (const e of chosen) teams.add(e);
}
