/**
 * The cheapest staffing of a scope at one candidate start: a small MIP (solver/lp).
 *
 * Columns: x[p, l, w] employee hours (eligible people only, weeks where they have free hours, each at
 * most the line's hoursPerWeek and the person's free hours); c[l, w] contractor hours; y[p, l] binary
 * "on the team" only for lines with more eligible people than seats. Rows: every line-week fully
 * covered (Σx + c = hoursPerWeek × headcount), a person's hours over lines ≤ free hours, x ≤ cap × y,
 * Σy ≤ headcount. Contractors top up hour by hour and take no seat: they fill what people cannot.
 *
 * Objective (minimize): Σ costRate × x + Σ (contractorRate + P) × c + ε × Σy, where P (the highest
 * employee cost rate + 1) makes any free employee hour win over a contractor hour — the firm's own
 * people first (their cost is paid anyway and they define confidence) — and, among those, the cheapest;
 * ε prefers fewer people on a line when costs tie.
 *
 * Seats are added lazily: the model is first solved as a pure LP without any y (a relaxation: it only
 * drops Σy ≤ headcount). Only lines whose solution puts more people on them than their headcount get
 * their seat binaries, and the model is solved again; this repeats until no line is over. Most lines
 * never need seats, so most candidate starts are one LP instead of a MIP.
 */
import { qualifyingSkill } from '../demand/eligibility.js';
import { LpBuilder, resolveBackend, sizeOf, type LpResult } from '../lp/index.js';
import type { BackendName, Employee, IsoDate, PlanLine } from '../types.js';

const EPS = 1e-9;
/** Tie-break cost per person put on a line (base currency): far below any hour's cost. */
const TEAM_MEMBER_TIE_BREAK = 0.01;
/** Stop the MIP within 0.1 % of the bound: the estimate is money to the cent, not an optimality proof. */
const MIP_REL_GAP = 1e-3;

export interface StaffingInput {
  lines: PlanLine[];
  employees: Employee[];
  costRates: Float64Array; // base currency per hour, by employee index
  /** free[p][w] = hours employee p can still give in week w (w indexes `weeks`). */
  free: Float64Array[];
  weekIndex: Map<IsoDate, number>;
  contractorRate: (line: PlanLine) => number;
  backend?: BackendName | 'auto';
  timeLimitSeconds?: number;
  /**
   * Line ids that needed seats at a neighbouring candidate start: seated from the first solve, which skips
   * the LP that would only rediscover them (same cost: seats only add the ε preference for fewer people).
   */
  seatedLineIds?: ReadonlySet<string>;
}

export interface StaffedHours {
  line: number;
  person: number; // -1 for contractors
  hours: number;
}

export interface StaffingResult {
  staffed: StaffedHours[]; // summed over weeks, sorted by (line, person)
  /** employeeHours[l][k] = employee hours on line l in its k-th week (scarcity prices them per week). */
  employeeHours: Float64Array[];
  backend: string;
  status: string;
  timeMs: number;
  /** Line ids that ended up with seat binaries (hint for the next candidate start). */
  seatedLineIds: Set<string>;
}

interface Columns {
  builder: LpBuilder;
  employeeColumns: { column: number; line: number; person: number; k: number }[];
  contractorColumns: { column: number; line: number }[];
}

function eligiblePeople(line: PlanLine, employees: Employee[]): number[] {
  const people: number[] = [];
  employees.forEach((employee, p) => {
    if (qualifyingSkill(employee, line)) people.push(p);
  });
  return people;
}

function lineWeekIndices(line: PlanLine, weekIndex: Map<IsoDate, number>): number[] {
  return line.weeks.map((week) => {
    const w = weekIndex.get(week);
    if (w === undefined) throw new RangeError(`week ${week} of line ${line.lineId} is outside the availability window`);
    return w;
  });
}

/** The model with seat binaries only for the lines in `seatLines`. */
function buildModel(input: StaffingInput, seatLines: ReadonlySet<number>): Columns {
  const builder = new LpBuilder('min');
  const employeeFirst = Math.max(0, ...input.costRates) + 1;
  const employeeColumns: Columns['employeeColumns'] = [];
  const contractorColumns: Columns['contractorColumns'] = [];
  const personWeek = new Map<number, number[]>(); // key p * weeks + w → columns
  const weeks = input.free[0]?.length ?? input.weekIndex.size;
  input.lines.forEach((line, l) => {
    const demand = line.hoursPerWeek * line.headcount;
    const lineWeeks = lineWeekIndices(line, input.weekIndex);
    const byWeek = lineWeeks.map(() => [] as number[]);
    const team: { person: number; columns: number[]; caps: number[] }[] = [];
    for (const p of eligiblePeople(line, input.employees)) {
      const member = { person: p, columns: [] as number[], caps: [] as number[] };
      lineWeeks.forEach((w, k) => {
        const cap = Math.min(line.hoursPerWeek, input.free[p][w]);
        if (cap <= EPS) return;
        const column = builder.addColumn(input.costRates[p], 0, cap);
        employeeColumns.push({ column, line: l, person: p, k });
        byWeek[k].push(column);
        member.columns.push(column);
        member.caps.push(cap);
        const key = p * weeks + w;
        personWeek.set(key, [...(personWeek.get(key) ?? []), column]);
      });
      if (member.columns.length > 0) team.push(member);
    }
    const rate = input.contractorRate(line);
    lineWeeks.forEach((_, k) => {
      const column = builder.addColumn(rate + employeeFirst, 0, demand);
      contractorColumns.push({ column, line: l });
      builder.addRow([...byWeek[k], column], [...byWeek[k].map(() => 1), 1], demand, demand);
    });
    if (seatLines.has(l) && team.length > line.headcount) addSeats(builder, team, line.headcount);
  });
  for (const key of [...personWeek.keys()].sort((a, b) => a - b)) {
    const columns = personWeek.get(key)!;
    if (columns.length < 2) continue;
    const p = Math.floor(key / weeks);
    builder.addRow(columns, columns.map(() => 1), -Infinity, input.free[p][key - p * weeks]);
  }
  return { builder, employeeColumns, contractorColumns };
}

/** y per member, x ≤ cap × y, Σ y ≤ headcount. */
function addSeats(builder: LpBuilder, team: { columns: number[]; caps: number[] }[], headcount: number): void {
  const seats = team.map((member) => {
    const y = builder.addColumn(TEAM_MEMBER_TIE_BREAK, 0, 1, true);
    member.columns.forEach((column, k) => builder.addRow([column, y], [1, -member.caps[k]], -Infinity, 0));
    return y;
  });
  builder.addRow(seats, seats.map(() => 1), -Infinity, headcount);
}

function weeklyEmployeeHours(result: LpResult, columns: Columns, lines: PlanLine[]): Float64Array[] {
  const hours = lines.map((line) => new Float64Array(line.weeks.length));
  for (const c of columns.employeeColumns) hours[c.line][c.k] += result.values[c.column];
  return hours;
}

function collect(result: LpResult, columns: Columns): StaffedHours[] {
  const totals = new Map<string, StaffedHours>();
  const add = (line: number, person: number, hours: number) => {
    if (hours <= 1e-7) return;
    const key = `${line}:${person}`;
    const entry = totals.get(key) ?? { line, person, hours: 0 };
    entry.hours += hours;
    totals.set(key, entry);
  };
  for (const c of columns.employeeColumns) add(c.line, c.person, result.values[c.column]);
  for (const c of columns.contractorColumns) add(c.line, -1, result.values[c.column]);
  return [...totals.values()].sort((a, b) => a.line - b.line || (a.person < 0 ? 1 : b.person < 0 ? -1 : a.person - b.person));
}

/** Lines whose solution puts more distinct people on them than their headcount. */
function linesOverHeadcount(result: LpResult, columns: Columns, lines: PlanLine[]): number[] {
  const people = lines.map(() => new Set<number>());
  for (const c of columns.employeeColumns) if (result.values[c.column] > 1e-7) people[c.line].add(c.person);
  return lines.flatMap((line, l) => (people[l].size > line.headcount ? [l] : []));
}

/** Default limit for the whole staffing of one candidate start (all its solves together). */
const DEFAULT_TIME_LIMIT_SECONDS = 10;
const MIN_SOLVE_SECONDS = 0.05;

export async function cheapestStaffing(input: StaffingInput): Promise<StaffingResult> {
  const deadline = Date.now() + (input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000;
  const seatLines = new Set<number>(input.lines.flatMap((line, l) => (input.seatedLineIds?.has(line.lineId) ? [l] : [])));
  let timeMs = 0;
  for (;;) {
    const columns = buildModel(input, seatLines);
    const lp = columns.builder.build();
    const backend = resolveBackend(input.backend, sizeOf(lp));
    const timeLimitSeconds = Math.max(MIN_SOLVE_SECONDS, (deadline - Date.now()) / 1000);
    const result = await backend.solve(lp, { timeLimitSeconds, mipRelGap: MIP_REL_GAP });
    if (!result.hasSolution) throw new Error(`estimate staffing model failed on ${backend.name}: ${result.status} ${result.message ?? ''}`.trim());
    timeMs += result.timeMs;
    const over = linesOverHeadcount(result, columns, input.lines).filter((l) => !seatLines.has(l));
    if (over.length === 0) {
      const seatedLineIds = new Set([...seatLines].map((l) => input.lines[l].lineId));
      return { staffed: collect(result, columns), employeeHours: weeklyEmployeeHours(result, columns, input.lines), backend: backend.name, status: result.status, timeMs, seatedLineIds };
    }
    for (const l of over) seatLines.add(l);
  }
}
