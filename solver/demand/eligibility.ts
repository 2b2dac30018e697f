/**
 * Who may work on a role line (DESIGN.md §1): the line's skill at level ≥ minLevel; when the line requires
 * certification, certified and not expiring before the line's start day; unless remoteAllowed, the
 * person's location equals the line's location when the line names one.
 */
import type { Employee, EmployeeSkill, PlanLine } from '../types.js';

type LineTerms = Pick<PlanLine, 'skill' | 'minLevel' | 'start' | 'location' | 'remoteAllowed' | 'requiresCertification'>;

export function holdsSkillAtLevel(entry: EmployeeSkill, skill: string, minLevel: number): boolean {
  return entry.skill === skill && entry.level >= minLevel;
}

/** An expiry that is absent, null or "" means the certification does not expire (the checker reads it alike). */
export function certificationNeverExpires(entry: Pick<EmployeeSkill, 'certificationExpires'>): boolean {
  const expires: unknown = entry.certificationExpires;
  return expires == null || expires === '';
}

/** certified, and certificationExpires absent or on/after the line's start day. */
export function certificationValid(entry: EmployeeSkill, lineStart: string): boolean {
  return entry.certified === true && (certificationNeverExpires(entry) || (entry.certificationExpires as string) >= lineStart);
}

export function locationMatches(employee: Pick<Employee, 'location'>, line: Pick<LineTerms, 'location' | 'remoteAllowed'>): boolean {
  return line.remoteAllowed || line.location === undefined || employee.location === line.location;
}

/** The person's level in a skill: the highest when listed twice, 0 when not held. Prices their hours. */
export function skillLevel(employee: Pick<Employee, 'skills'>, skill: string): number {
  let level = 0;
  for (const entry of employee.skills ?? []) if (entry.skill === skill && entry.level > level) level = entry.level;
  return level;
}

/** A skill entry that makes the person eligible (the highest level when several do), else undefined. */
export function qualifyingSkill(employee: Employee, line: LineTerms): EmployeeSkill | undefined {
  if (!locationMatches(employee, line)) return undefined;
  let best: EmployeeSkill | undefined;
  for (const entry of employee.skills ?? []) {
    if (!holdsSkillAtLevel(entry, line.skill, line.minLevel)) continue;
    if (line.requiresCertification && !certificationValid(entry, line.start)) continue;
    if (!best || entry.level > best.level) best = entry;
  }
  return best;
}

export function isEligible(employee: Employee, line: LineTerms): boolean {
  return qualifyingSkill(employee, line) !== undefined;
}
