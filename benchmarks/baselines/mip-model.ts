/**
 * The monolithic staffing model on a PlanningProblem, in solver/lp's LinearProgram shape:
 * hours x[pair, week] continuous in [0, min(hoursPerWeek, available)], a binary y[pair] "person chosen
 * for the line" linked to every week's hours (x ≤ cap × y), headcount rows Σ y ≤ headcount, capacity
 * rows per person-week. Objective = expected margin − unmet penalty − fragmentation penalty, exactly
 * DESIGN.md §1 (the unmet penalty enters as U × p per staffed hour plus a constant offset).
 *
 * Variants: `relaxed` (y ∈ [0, 1], the LP relaxation with headcount) and `headcountFree` (no y, no
 * headcount rows, demand rows instead: the loose bound), and `objective: 'coverage'` (Σ p × hours only).
 */
import { LpBuilder, type LinearProgram } from '../../solver/lp/index.js';
import type { PlanningProblem } from '../../solver/types.js';
import type { StaffedHours } from '../staffing.js';
import { weeklyDemand } from '../staffing.js';

export interface ModelVariant {
  relaxed?: boolean;
  headcountFree?: boolean;
  objective?: 'value' | 'coverage';
}

export interface StaffingModel {
  lp: LinearProgram;
  /** Per x column: the (person, line, week) it staffs; y columns are not listed. */
  hourColumns: { column: Int32Array; person: Int32Array; line: Int32Array; week: Int32Array };
  variant: ModelVariant;
}

interface ColumnList {
  column: number[];
  cap: number[];
  person: number[];
  line: number[];
  week: number[];
}

function addHourColumns(problem: PlanningProblem, builder: LpBuilder, variant: ModelVariant, pinned: Map<string, number>, pairColumns: number[][], list: ColumnList): void {
  const coverageOnly = variant.objective === 'coverage';
  problem.pairs.forEach((pair, pairIndex) => {
    const line = problem.lines[pair.line];
    const person = problem.people[pair.person];
    const perHour = coverageOnly ? line.probability : line.probability * (pair.marginPerHour + problem.unmetPenaltyPerHour);
    for (const week of line.weeks) {
      const fixed = pinned.get(`${pair.person}:${pair.line}:${week}`);
      const cap = Math.min(line.hoursPerWeek, person.available[week]);
      if (fixed === undefined && cap <= 0) continue;
      const column = fixed === undefined ? builder.addColumn(perHour, 0, cap) : builder.addColumn(perHour, fixed, fixed);
      pairColumns[pairIndex].push(list.column.length);
      list.column.push(column);
      list.cap.push(fixed ?? cap);
      list.person.push(pair.person);
      list.line.push(pair.line);
      list.week.push(week);
    }
  });
}

function addCapacityRows(problem: PlanningProblem, builder: LpBuilder, list: ColumnList): void {
  const weeks = problem.weeks.length;
  const byPersonWeek = new Map<number, number[]>();
  list.column.forEach((column, k) => {
    const key = list.person[k] * weeks + list.week[k];
    const columns = byPersonWeek.get(key);
    if (columns) columns.push(column);
    else byPersonWeek.set(key, [column]);
  });
  for (const [key, columns] of [...byPersonWeek].sort((a, b) => a[0] - b[0])) {
    if (columns.length < 2) continue; // a single column's bound already caps it at the available hours
    const available = problem.people[Math.floor(key / weeks)].available[key % weeks];
    builder.addRow(columns, columns.map(() => 1), -Infinity, available);
  }
}

function addDemandRows(problem: PlanningProblem, builder: LpBuilder, list: ColumnList): void {
  const weeks = problem.weeks.length;
  const byLineWeek = new Map<number, number[]>();
  list.column.forEach((column, k) => {
    const key = list.line[k] * weeks + list.week[k];
    const columns = byLineWeek.get(key);
    if (columns) columns.push(column);
    else byLineWeek.set(key, [column]);
  });
  for (const [key, columns] of [...byLineWeek].sort((a, b) => a[0] - b[0])) {
    builder.addRow(columns, columns.map(() => 1), -Infinity, weeklyDemand(problem, Math.floor(key / weeks)));
  }
}

/** y per pair that has hour columns, x ≤ cap × y for each of its weeks, Σ y ≤ headcount per line (pairColumns holds positions in `list`). */
function addTeamColumnsAndRows(problem: PlanningProblem, builder: LpBuilder, variant: ModelVariant, pairColumns: number[][], list: ColumnList, pinnedPairs: Set<number>): void {
  const teamByLine = new Map<number, number[]>();
  const fragmentation = variant.objective === 'coverage' ? 0 : problem.fragmentationPenaltyPerPair;
  problem.pairs.forEach((pair, pairIndex) => {
    const entries = pairColumns[pairIndex];
    if (entries.length === 0) return;
    const chosen = builder.addColumn(-fragmentation, pinnedPairs.has(pairIndex) ? 1 : 0, 1, !variant.relaxed);
    for (const k of entries) builder.addRow([list.column[k], chosen], [1, -Math.max(list.cap[k], 1e-9)], -Infinity, 0);
    const team = teamByLine.get(pair.line);
    if (team) team.push(chosen);
    else teamByLine.set(pair.line, [chosen]);
  });
  for (const [line, team] of teamByLine) {
    if (team.length > problem.lines[line].headcount) builder.addRow(team, team.map(() => 1), -Infinity, problem.lines[line].headcount);
  }
}

function constantOffset(problem: PlanningProblem, variant: ModelVariant): number {
  if (variant.objective === 'coverage') return 0;
  const expectedDemand = problem.lines.reduce((sum, line, index) => sum + line.probability * weeklyDemand(problem, index) * line.weeks.length, 0);
  return -problem.unmetPenaltyPerHour * expectedDemand;
}

export function buildStaffingModel(problem: PlanningProblem, variant: ModelVariant = {}): StaffingModel {
  if (problem.previous.length > 0 && problem.churnPenaltyPerHour > 0) {
    throw new Error('the monolithic baseline models no churn penalty: run the benchmark without a previous plan');
  }
  const builder = new LpBuilder('max');
  builder.addObjectiveOffset(constantOffset(problem, variant));
  const pinned = new Map(problem.pinned.map((pin) => [`${pin.person}:${pin.line}:${pin.week}`, pin.hours]));
  const pairOf = new Map(problem.pairs.map((pair, index) => [`${pair.person}:${pair.line}`, index]));
  const pinnedPairs = new Set(problem.pinned.filter((pin) => pin.hours > 0).map((pin) => pairOf.get(`${pin.person}:${pin.line}`)!));
  const pairColumns: number[][] = problem.pairs.map(() => []);
  const list: ColumnList = { column: [], cap: [], person: [], line: [], week: [] };
  addHourColumns(problem, builder, variant, pinned, pairColumns, list);
  addCapacityRows(problem, builder, list);
  if (variant.headcountFree) addDemandRows(problem, builder, list);
  else addTeamColumnsAndRows(problem, builder, variant, pairColumns, list, pinnedPairs);
  return {
    lp: builder.build(),
    hourColumns: { column: Int32Array.from(list.column), person: Int32Array.from(list.person), line: Int32Array.from(list.line), week: Int32Array.from(list.week) },
    variant,
  };
}

/** The staffed hours of a model solution (x columns above a rounding dust of 1e-9 h). */
export function staffingFromValues(model: StaffingModel, values: ArrayLike<number>): StaffedHours[] {
  const result: StaffedHours[] = [];
  const { column, person, line, week } = model.hourColumns;
  for (let k = 0; k < column.length; k++) {
    const hours = values[column[k]];
    if (hours > 1e-9) result.push({ person: person[k], line: line[k], week: week[k], hours });
  }
  return result;
}
