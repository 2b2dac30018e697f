/**
 * Where a hiring signal for demand that names no location is placed (HR needs a real place; `*` is not
 * one). Rule, applied to the shortage of a location-free demand class (contract and unmet actions; hires
 * already choose among the firm's locations and reskilling names the trained people's location):
 * 1. where the line's skill holders are: the location with the most employees holding the skill (any
 *    level), the alphabetically first on a tie;
 * 2. nobody holds the skill: among the firm's locations and those the policy's lead times name, the one
 *    with the shortest hiring lead time for the skill, the alphabetically first on a tie;
 * 3. a firm with no employee and no located lead time knows no place: the demand class's own label.
 */
import { ANY_LOCATION, type DemandClass } from '../forecast/network.js';
import type { Employee } from '../types.js';
import type { ResolvedPolicy } from './policy.js';

/** Location with the most holders of `skill`, alphabetically first on a tie; undefined when nobody holds it. */
export function holdersLocation(skill: string, employees: readonly Employee[]): string | undefined {
  const holders = new Map<string, number>();
  for (const employee of employees) {
    if ((employee.skills ?? []).some((s) => s.skill === skill)) holders.set(employee.location, (holders.get(employee.location) ?? 0) + 1);
  }
  return [...holders.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}

/** Among known locations, the shortest hiring lead time for `skill`, alphabetically first on a tie. */
export function quickestHireLocation(skill: string, employees: readonly Employee[], policy: ResolvedPolicy): string | undefined {
  const known = new Set(employees.map((e) => e.location));
  for (const entry of policy.policy.leadTimes ?? []) if (entry.location !== undefined) known.add(entry.location);
  return [...known].sort().reduce<string | undefined>((best, location) => (best === undefined || policy.leadTimeWeeks(skill, location) < policy.leadTimeWeeks(skill, best) ? location : best), undefined);
}

/** The location a signal about `demandClass` names: its own when it has one, else by the rule above. */
export function signalLocation(demandClass: DemandClass, employees: readonly Employee[], policy: ResolvedPolicy): string {
  if (demandClass.location !== ANY_LOCATION) return demandClass.location;
  return holdersLocation(demandClass.skill, employees) ?? quickestHireLocation(demandClass.skill, employees, policy) ?? demandClass.location;
}
