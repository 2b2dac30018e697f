/**
 * Who does what in a plan, indexed for explanations: hours per person-week, per (person, line, week),
 * the team of each line and each person's rows.
 */
import type { IndexedRow } from '../plan/objective.js';

export interface Occupancy {
  weeks: number;
  /** Hours per person per week, only for people with rows. */
  byPersonWeek: Map<number, Float64Array>;
  /** Hours keyed `person,line,week`. */
  byPersonLineWeek: Map<string, number>;
  /** People working on each line. */
  teams: Map<number, Set<number>>;
  rowsByPerson: Map<number, IndexedRow[]>;
}

export function occupancyOf(rows: readonly IndexedRow[], weeks: number): Occupancy {
  const occupancy: Occupancy = { weeks, byPersonWeek: new Map(), byPersonLineWeek: new Map(), teams: new Map(), rowsByPerson: new Map() };
  for (const row of rows) {
    const perWeek = occupancy.byPersonWeek.get(row.person) ?? new Float64Array(weeks);
    perWeek[row.week] += row.hours;
    occupancy.byPersonWeek.set(row.person, perWeek);
    const key = `${row.person},${row.line},${row.week}`;
    occupancy.byPersonLineWeek.set(key, (occupancy.byPersonLineWeek.get(key) ?? 0) + row.hours);
    const team = occupancy.teams.get(row.line) ?? new Set<number>();
    if (row.hours > 0) team.add(row.person);
    occupancy.teams.set(row.line, team);
    const own = occupancy.rowsByPerson.get(row.person) ?? [];
    own.push(row);
    occupancy.rowsByPerson.set(row.person, own);
  }
  return occupancy;
}

export function weekHours(occupancy: Occupancy, person: number, week: number): number {
  return occupancy.byPersonWeek.get(person)?.[week] ?? 0;
}

export function lineWeekHours(occupancy: Occupancy, person: number, line: number, week: number): number {
  return occupancy.byPersonLineWeek.get(`${person},${line},${week}`) ?? 0;
}
