/**
 * Eligibility of a person for a role line (DESIGN.md §1): the line's skill at level ≥ minLevel; a
 * required certification must be held and not expire before the line's start day; unless the line
 * allows remote work, a line location must equal the person's location.
 */
import type { Employee } from '../types.js';
import type { ExpectedLine } from './lines.js';

/** An expiry that is absent, null or "" means the certification never expires (the solver reads it alike). */
export function noExpiry(expires: unknown): boolean {
  return expires == null || expires === '';
}

/** Why the person may not work on the line, in words, or null when they may. */
export function ineligibilityReason(employee: Employee, line: ExpectedLine): string | null {
  const held = (employee.skills ?? []).filter((skill) => skill.skill === line.skill);
  if (held.length === 0) return `does not hold skill ${line.skill}`;
  const levelled = held.filter((skill) => skill.level >= line.minLevel);
  if (levelled.length === 0) {
    const best = Math.max(...held.map((skill) => skill.level));
    return `holds ${line.skill} at level ${best} < minLevel ${line.minLevel}`;
  }
  if (line.requiresCertification) {
    const certified = levelled.filter(
      (skill) => skill.certified === true && (noExpiry(skill.certificationExpires) || skill.certificationExpires! >= line.start),
    );
    if (certified.length === 0) return `has no ${line.skill} certification valid on ${line.start}`;
  }
  if (line.location !== undefined && !line.remoteAllowed && employee.location !== line.location) {
    return `is in ${employee.location}, the line is on site in ${line.location}`;
  }
  return null;
}

/**
 * The same rule as ineligibilityReason, as a yes/no in one pass without building words: used to list
 * everyone eligible for every line at scale.
 */
export function isEligible(employee: Employee, line: ExpectedLine): boolean {
  if (line.location !== undefined && !line.remoteAllowed && employee.location !== line.location) return false;
  for (const held of employee.skills ?? []) {
    if (held.skill !== line.skill || !(held.level >= line.minLevel)) continue;
    if (!line.requiresCertification) return true;
    if (held.certified === true && (noExpiry(held.certificationExpires) || held.certificationExpires! >= line.start)) return true;
  }
  return false;
}

/** The person's level in a skill (the highest when listed twice), or 0 when they lack it. */
export function skillLevel(employee: Employee, skill: string): number {
  return (employee.skills ?? []).filter((held) => held.skill === skill).reduce((best, held) => Math.max(best, held.level), 0);
}
