/**
 * From a scenario to the numbers the optimizer works on (DESIGN.md §6): people with their available
 * hours per horizon week, the role lines in the horizon, and ONLY the skill-eligible (person, line)
 * pairs where the person has hours in some week of the line — found through an index by skill (and
 * location), never a people × lines scan. Money is in the base currency.
 *
 * Penalties (documented choices):
 * - unmetPenaltyPerHour U = max(1000, 100 × max over eligible pairs |bill − cost|) (team brief), so an
 *   unmet expected hour always costs more than any margin: coverage comes first.
 * - fragmentationPenaltyPerPair = one hour of the median cost rate: enough to prefer one person over
 *   two slivers, far too small to ever outweigh an hour of coverage.
 * - churnPenaltyPerHour = a tenth of that per hour moved against the previous plan; 0 when no entry of
 *   the previous plan survives mapping (none given, or none can recur). The one churn rule, shared by
 *   the optimizer, the document (plan/objective.ts) and the checker: churn is charged only when the
 *   echoed previous plan has at least one (kept) entry.
 */
import { availabilityMatrix, calendarContext, type AvailabilityMatrix, type CalendarContext } from './calendar/availability.js';
import { normalizeHorizon } from './calendar/dates.js';
import { demandWithWarnings, skippedWarning } from './demand/lines.js';
import { qualifyingSkill, skillLevel } from './demand/eligibility.js';
import { billRate, costRate, moneyContext, type MoneyContext } from './money.js';
import { mapPinned, mapPrevious } from './problem-pins.js';
import { normalizeScenario } from './scenario.js';
import type { Employee, Horizon, IsoDate, PlanAssignment, PlanLine, PlanningProblem, ProblemLine, ProblemPair, ProblemPerson, Scenario, ScenarioFilters, StaffingPlan } from './types.js';

export interface BuildProblemOptions extends ScenarioFilters {
  countRequestedPto?: boolean;
  pinned?: PlanAssignment[];
  previousPlan?: { assignments: PlanAssignment[] } | null;
}

/** The options as the plan document echoes them, less the solve settings (timeLimitSeconds, backend). */
export type EchoedOptions = Omit<StaffingPlan['options'], 'timeLimitSeconds' | 'backend'>;

/** Everything needed to turn a solution back into a document, indexed like the problem. */
export interface ProblemContext {
  scenario: Scenario; // normalized
  horizon: Horizon; // from snapped to its Monday
  weeks: IsoDate[];
  employees: Employee[]; // problem person i = employees[i]
  lines: PlanLine[]; // problem line j = lines[j]
  personIndex: Map<string, number>;
  lineIndex: Map<string, number>;
  availability: AvailabilityMatrix;
  calendar: CalendarContext;
  money: MoneyContext;
  /** Per line: every eligible person (with or without free hours), ascending. */
  eligible: Int32Array[];
  options: EchoedOptions;
  /** Opportunities skipped because they cannot be expanded, as the document's `warnings`. */
  warnings: string[];
}

export const MIN_UNMET_PENALTY_PER_HOUR = 1000;
export const UNMET_PENALTY_MARGIN_MULTIPLE = 100;
/** Churn costs this fraction of the fragmentation penalty per hour moved. */
export const CHURN_TO_FRAGMENTATION = 0.1;

/** U = max(1000, 100 × max |bill − cost|) over eligible pairs. */
export function unmetPenaltyPerHour(maxAbsMarginPerHour: number): number {
  return Math.max(MIN_UNMET_PENALTY_PER_HOUR, UNMET_PENALTY_MARGIN_MULTIPLE * maxAbsMarginPerHour);
}

/** One hour of the median cost rate (0 with nobody to staff). */
export function fragmentationPenaltyPerPair(costRates: readonly number[]): number {
  if (costRates.length === 0) return 0;
  const sorted = [...costRates].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Holders of a skill: person indices ascending with their level in it, as flat typed arrays. */
interface SkillHolders {
  persons: Int32Array;
  levels: Uint8Array;
}

function toHolders(list: { person: number; level: number }[]): SkillHolders {
  return { persons: Int32Array.from(list, (h) => h.person), levels: Uint8Array.from(list, (h) => h.level) };
}

/** Holders by skill, and by `skill\u0000location` for on-site lines. */
function indexBySkill(employees: readonly Employee[]): { bySkill: Map<string, SkillHolders>; bySkillLocation: Map<string, SkillHolders> } {
  const bySkill = new Map<string, { person: number; level: number }[]>();
  const bySkillLocation = new Map<string, { person: number; level: number }[]>();
  const add = (map: Map<string, { person: number; level: number }[]>, key: string, person: number, level: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [{ person, level }]);
    else if (list[list.length - 1].person !== person) list.push({ person, level });
  };
  employees.forEach((employee, person) => {
    for (const skill of new Set((employee.skills ?? []).map((entry) => entry.skill))) {
      const level = skillLevel(employee, skill);
      add(bySkill, skill, person, level);
      add(bySkillLocation, `${skill}\u0000${employee.location}`, person, level);
    }
  });
  const typed = (map: Map<string, { person: number; level: number }[]>) => new Map([...map].map(([key, list]) => [key, toHolders(list)] as const));
  return { bySkill: typed(bySkill), bySkillLocation: typed(bySkillLocation) };
}

/** positive[p][w + 1] − positive[p][from] = weeks in [from, w] where person p has hours. */
function positiveWeekPrefix(hours: Float64Array): Int32Array {
  const prefix = new Int32Array(hours.length + 1);
  for (let w = 0; w < hours.length; w++) prefix[w + 1] = prefix[w] + (hours[w] > 0 ? 1 : 0);
  return prefix;
}

function toProblemLine(line: PlanLine, weekIndex: Map<IsoDate, number>): ProblemLine {
  return {
    lineId: line.lineId,
    opportunityId: line.opportunityId,
    skill: line.skill,
    minLevel: line.minLevel,
    hoursPerWeek: line.hoursPerWeek,
    headcount: line.headcount,
    probability: line.probability,
    weeks: line.weeks.map((w) => weekIndex.get(w)!),
  };
}

interface PairSearch {
  pairs: ProblemPair[];
  eligible: Int32Array[];
  maxAbsMargin: number;
}

/** Eligible people per line through the skill index; pairs only where the person has hours. */
const NO_HOLDERS: SkillHolders = { persons: new Int32Array(0), levels: new Uint8Array(0) };

function findPairs(employees: Employee[], lines: PlanLine[], problemLines: ProblemLine[], people: ProblemPerson[], matrix: AvailabilityMatrix, money: MoneyContext, forced: Set<string>): PairSearch {
  const { bySkill, bySkillLocation } = indexBySkill(employees);
  const prefixes = matrix.hours.map(positiveWeekPrefix);
  const rates = new Map<string, number>();
  const rateOf = (skill: string, level: number) => {
    const key = `${skill}\u0000${level}`;
    if (!rates.has(key)) rates.set(key, billRate(skill, level, money));
    return rates.get(key)!;
  };
  const pairs: ProblemPair[] = [];
  const eligible: Int32Array[] = [];
  let maxAbsMargin = 0;
  lines.forEach((line, j) => {
    const local = line.location !== undefined && !line.remoteAllowed;
    const holders = (local ? bySkillLocation.get(`${line.skill}\u0000${line.location}`) : bySkill.get(line.skill)) ?? NO_HOLDERS;
    const first = problemLines[j].weeks[0];
    const last = problemLines[j].weeks[problemLines[j].weeks.length - 1];
    const found: number[] = [];
    for (let h = 0; h < holders.persons.length; h++) {
      // The index already settles skill and location; level is a typed-array compare, and only a
      // certification needs the full rule.
      const level = holders.levels[h];
      if (level < line.minLevel) continue;
      const p = holders.persons[h];
      if (line.requiresCertification && !qualifyingSkill(employees[p], line)) continue;
      found.push(p);
      const bill = rateOf(line.skill, level);
      const margin = bill - people[p].costRate;
      maxAbsMargin = Math.max(maxAbsMargin, Math.abs(margin));
      const hasHours = prefixes[p][last + 1] - prefixes[p][first] > 0;
      if (hasHours || forced.has(`${p}\u0000${j}`)) pairs.push({ person: p, line: j, level, billRate: bill, marginPerHour: margin });
    }
    eligible.push(Int32Array.from(found));
  });
  return { pairs, eligible, maxAbsMargin };
}

function echoOptions(options: BuildProblemOptions, previous: PlanAssignment[] | null): EchoedOptions {
  return {
    minProbability: options.minProbability ?? 0,
    countRequestedPto: options.countRequestedPto ?? false,
    pinned: options.pinned ?? [],
    previousPlan: previous === null ? null : { assignments: previous },
    ...(options.opportunityIds ? { opportunityIds: [...options.opportunityIds].sort() } : {}),
    ...(options.closingBefore ? { closingBefore: options.closingBefore } : {}),
  };
}

export function buildProblem(scenario: Scenario, horizon: Horizon, options: BuildProblemOptions = {}): { problem: PlanningProblem; context: ProblemContext } {
  const normalized = normalizeScenario(scenario);
  const snapped = normalizeHorizon(horizon);
  const money = moneyContext(normalized);
  const matrix = availabilityMatrix(normalized, snapped, { countRequestedPto: options.countRequestedPto });
  const employees = normalized.employees ?? [];
  const demand = demandWithWarnings(normalized, snapped, options);
  const lines = demand.lines;
  const weekIndex = new Map(matrix.weeks.map((w, i) => [w, i] as const));
  const personIndex = new Map(employees.map((e, i) => [e.id, i] as const));
  const lineIndex = new Map(lines.map((l, j) => [l.lineId, j] as const));
  const people: ProblemPerson[] = employees.map((e, i) => ({
    employeeId: e.id,
    name: e.name,
    location: e.location,
    costRate: costRate(e, money),
    available: Array.from(matrix.hours[i]),
  }));
  const problemLines = lines.map((l) => toProblemLine(l, weekIndex));
  const lookup = { personIndex, lineIndex, weekIndex, employees, lines, people };
  const pinned = mapPinned(options.pinned ?? [], lookup);
  const previous = mapPrevious(options.previousPlan?.assignments ?? [], lookup);
  const forced = new Set([...pinned, ...previous.mapped].map((a) => `${a.person}\u0000${a.line}`));
  const search = findPairs(employees, lines, problemLines, people, matrix, money, forced);
  const frag = fragmentationPenaltyPerPair(people.map((p) => p.costRate));
  const problem: PlanningProblem = {
    weeks: matrix.weeks,
    people,
    lines: problemLines,
    pairs: search.pairs,
    unmetPenaltyPerHour: unmetPenaltyPerHour(search.maxAbsMargin),
    fragmentationPenaltyPerPair: frag,
    // With no kept previous entry there is nothing to churn against: the price is 0, so the optimizer,
    // the document and the checker all score such a plan without churn.
    churnPenaltyPerHour: previous.mapped.length > 0 ? frag * CHURN_TO_FRAGMENTATION : 0,
    pinned,
    previous: previous.mapped,
  };
  const context: ProblemContext = {
    scenario: normalized,
    horizon: snapped,
    weeks: matrix.weeks,
    employees,
    lines,
    personIndex,
    lineIndex,
    availability: matrix,
    calendar: calendarContext(normalized, { countRequestedPto: options.countRequestedPto }),
    money,
    eligible: search.eligible,
    options: echoOptions(options, options.previousPlan ? previous.kept : null),
    warnings: demand.skipped.map(skippedWarning),
  };
  return { problem, context };
}
