/**
 * The capacity-forecast network (DESIGN.md §6): supply groups of people who are interchangeable for
 * every line (same location, same skill entries, same primary skill) and demand classes of lines that
 * accept the same people (skill, location rule, minLevel, certification). An arc joins a group to a
 * class when the group's people are eligible for the class's lines. Grouping keeps the weekly LP small
 * at 10,000 people without changing its optimum.
 */
import { qualifyingSkill } from '../demand/eligibility.js';
import type { Employee, PlanLine } from '../types.js';

/**
 * The class label of demand that names no location (anyone may cover it). In the capacity forecast's rows
 * it means "unplaced: no location required and not coverable anywhere" — covered hours of such demand are
 * counted in the covering people's location rows (forecast/index.ts); hiring never signals it (placement.ts).
 */
export const ANY_LOCATION = '*';

export interface SupplyGroup {
  key: string;
  location: string;
  primarySkill: string; // where the group's unallotted hours are counted
  skills: string[]; // every skill its people hold, sorted
  members: number[]; // employee indices
  representative: Employee;
}

export interface DemandClass {
  key: string;
  skill: string;
  location: string; // the row's location: the line's, else ANY_LOCATION
  lines: number[]; // line indices
  representative: PlanLine;
}

/** The skill a person's spare hours count under: the highest level, the first listed on a tie. */
export function primarySkill(employee: Employee): string | undefined {
  let best: { skill: string; level: number } | undefined;
  for (const entry of employee.skills ?? []) if (!best || entry.level > best.level) best = entry;
  return best?.skill;
}

function supplyKey(employee: Employee, primary: string): string {
  const entries = (employee.skills ?? [])
    .map((s) => `${s.skill}:${s.level}:${s.certified === true ? 1 : 0}:${s.certificationExpires ?? ''}`)
    .sort();
  return `${employee.location}\u0000${primary}\u0000${entries.join(',')}`;
}

/** People with at least one skill, grouped; people without skills supply no row and are left out. */
export function supplyGroups(employees: readonly Employee[]): SupplyGroup[] {
  const groups = new Map<string, SupplyGroup>();
  employees.forEach((employee, index) => {
    const primary = primarySkill(employee);
    if (primary === undefined) return;
    const key = supplyKey(employee, primary);
    const group = groups.get(key);
    if (group) group.members.push(index);
    else {
      const skills = [...new Set((employee.skills ?? []).map((s) => s.skill))].sort();
      groups.set(key, { key, location: employee.location, primarySkill: primary, skills, members: [index], representative: employee });
    }
  });
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function classKey(line: PlanLine): string {
  const located = line.location !== undefined && !line.remoteAllowed;
  const certifiedBy = line.requiresCertification ? line.start : '';
  return [line.skill, line.location ?? ANY_LOCATION, located ? 'on-site' : 'anywhere', line.minLevel, certifiedBy].join('\u0000');
}

export function demandClasses(lines: readonly PlanLine[]): DemandClass[] {
  const classes = new Map<string, DemandClass>();
  lines.forEach((line, index) => {
    const key = classKey(line);
    const found = classes.get(key);
    if (found) found.lines.push(index);
    else classes.set(key, { key, skill: line.skill, location: line.location ?? ANY_LOCATION, lines: [index], representative: line });
  });
  return [...classes.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** For each class, the groups whose people are eligible for its lines (ascending group index). */
export function eligibleArcs(groups: readonly SupplyGroup[], classes: readonly DemandClass[]): number[][] {
  const bySkill = new Map<string, number[]>();
  groups.forEach((group, g) => {
    for (const skill of group.skills) {
      const holders = bySkill.get(skill);
      if (holders) holders.push(g);
      else bySkill.set(skill, [g]);
    }
  });
  return classes.map((demand) => (bySkill.get(demand.skill) ?? []).filter((g) => qualifyingSkill(groups[g].representative, demand.representative) !== undefined));
}
