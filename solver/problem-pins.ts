/**
 * Pinned assignments and the previous plan, mapped from ids to problem indices. A pin stands as given,
 * so a pin the plan rules forbid is the caller's error (ScenarioError naming `pinned[i].<field>`):
 * hours not > 0, unknown employee or line, a week outside the line's horizon weeks, an ineligible person, hours above
 * the line's hoursPerWeek or the person's available hours, or more pinned people than the headcount.
 * Previous-plan entries that cannot recur in this plan (unknown or ineligible person, a line no longer
 * demanded, a week outside the horizon) are dropped; only the kept ones are compared for churn.
 */
import { qualifyingSkill } from './demand/eligibility.js';
import { ScenarioError } from './errors.js';
import type { Employee, IsoDate, PlanAssignment, PlanLine, ProblemPerson } from './types.js';

export const HOURS_TOLERANCE = 1e-6;

export interface IndexLookup {
  personIndex: Map<string, number>;
  lineIndex: Map<string, number>;
  weekIndex: Map<IsoDate, number>;
  employees: Employee[];
  lines: PlanLine[];
  people: ProblemPerson[];
}

export interface IndexedHours {
  person: number;
  line: number;
  week: number;
  hours: number;
}

function checkPinShape(pin: PlanAssignment, path: string): void {
  for (const field of ['employeeId', 'lineId', 'week'] as const) {
    if (typeof pin?.[field] !== 'string') throw new ScenarioError(`${path}.${field}`, 'expected a string');
  }
  if (typeof pin.hours !== 'number' || !Number.isFinite(pin.hours)) {
    throw new ScenarioError(`${path}.hours`, `expected a number of hours, got ${JSON.stringify(pin.hours)}`);
  }
  // A 0-hour pin would be no assignment at all, so it could never "stand as given" in the plan.
  if (!(pin.hours > 0)) throw new ScenarioError(`${path}.hours`, 'must be > 0');
}

function indexPin(pin: PlanAssignment, path: string, lookup: IndexLookup): IndexedHours {
  checkPinShape(pin, path);
  const person = lookup.personIndex.get(pin.employeeId);
  if (person === undefined) throw new ScenarioError(`${path}.employeeId`, `unknown employee ${pin.employeeId}`);
  const line = lookup.lineIndex.get(pin.lineId);
  if (line === undefined) throw new ScenarioError(`${path}.lineId`, `line ${pin.lineId} is not demanded in this horizon (unknown, lost or filtered out)`);
  const planLine = lookup.lines[line];
  if (!planLine.weeks.includes(pin.week)) throw new ScenarioError(`${path}.week`, `${pin.week} is not one of line ${pin.lineId}'s weeks in the horizon`);
  if (!qualifyingSkill(lookup.employees[person], planLine)) {
    throw new ScenarioError(`${path}.employeeId`, `${pin.employeeId} is not eligible for line ${pin.lineId} (needs ${planLine.skill} level ≥ ${planLine.minLevel}${planLine.requiresCertification ? ', certified' : ''}${planLine.location && !planLine.remoteAllowed ? ` in ${planLine.location}` : ''})`);
  }
  if (pin.hours > planLine.hoursPerWeek + HOURS_TOLERANCE) {
    throw new ScenarioError(`${path}.hours`, `${pin.hours} h exceeds line ${pin.lineId}'s ${planLine.hoursPerWeek} h per week`);
  }
  return { person, line, week: lookup.weekIndex.get(pin.week)!, hours: pin.hours };
}

/** Pins as indices, sorted by (person, line, week); throws ScenarioError for any pin the rules forbid. */
export function mapPinned(pins: readonly PlanAssignment[], lookup: IndexLookup): IndexedHours[] {
  const seen = new Set<string>();
  const personWeekHours = new Map<string, number>();
  const teams = new Map<number, Set<number>>();
  const mapped = pins.map((pin, i) => {
    const path = `pinned[${i}]`;
    const at = indexPin(pin, path, lookup);
    const key = `${at.person}\u0000${at.line}\u0000${at.week}`;
    if (seen.has(key)) throw new ScenarioError(path, `${pin.employeeId} is pinned to ${pin.lineId} in ${pin.week} twice`);
    seen.add(key);
    const weekKey = `${at.person}\u0000${at.week}`;
    const total = (personWeekHours.get(weekKey) ?? 0) + at.hours;
    const available = lookup.people[at.person].available[at.week];
    if (total > available + HOURS_TOLERANCE) {
      throw new ScenarioError(`${path}.hours`, `${pin.employeeId} has ${available} h available in ${pin.week}, pins ask ${total} h`);
    }
    personWeekHours.set(weekKey, total);
    const team = teams.get(at.line) ?? new Set<number>();
    team.add(at.person);
    teams.set(at.line, team);
    const headcount = lookup.lines[at.line].headcount;
    if (team.size > headcount) throw new ScenarioError(`${path}.employeeId`, `line ${pin.lineId} has headcount ${headcount} but more people are pinned to it`);
    return at;
  });
  return mapped.sort((a, b) => a.person - b.person || a.line - b.line || a.week - b.week);
}

/** Previous-plan entries that can recur in this plan, as indices and as kept (sorted) entries. */
export function mapPrevious(entries: readonly PlanAssignment[], lookup: IndexLookup): { mapped: IndexedHours[]; kept: PlanAssignment[] } {
  const byKey = new Map<string, IndexedHours>();
  for (const entry of entries) {
    const person = lookup.personIndex.get(entry?.employeeId);
    const line = lookup.lineIndex.get(entry?.lineId);
    if (person === undefined || line === undefined || !(typeof entry.hours === 'number' && entry.hours > 0)) continue;
    if (!lookup.lines[line].weeks.includes(entry.week) || !qualifyingSkill(lookup.employees[person], lookup.lines[line])) continue;
    const week = lookup.weekIndex.get(entry.week)!;
    const key = `${person}\u0000${line}\u0000${week}`;
    const sum = (byKey.get(key)?.hours ?? 0) + entry.hours;
    byKey.set(key, { person, line, week, hours: sum });
  }
  const mapped = [...byKey.values()].sort((a, b) => a.person - b.person || a.line - b.line || a.week - b.week);
  const kept = mapped.map((m) => ({ employeeId: lookup.people[m.person].employeeId, lineId: lookup.lines[m.line].lineId, week: lookup.lines[m.line].weeks.find((w) => lookup.weekIndex.get(w) === m.week)!, hours: m.hours }));
  return { mapped, kept };
}
