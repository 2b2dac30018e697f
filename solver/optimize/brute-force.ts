/**
 * Test oracle: the exact optimum of a tiny PlanningProblem by enumeration, independent of the
 * optimizer's team/knapsack machinery. Every choice of ≤ headcount eligible people per line (pinned
 * people always in) is tried; for each, the hours follow from an LP in the plain formulation — per
 * (person, line, week) hours with the line's weekly demand row, each person's capacity row, pins fixed
 * and churn as |hours − previous| — and the plan is scored by planValue.
 */
import { getBackend, LpBuilder } from '../lp/index.js';
import type { PlanningProblem } from '../types.js';
import { planValue, StaffedHours } from './self-check.js';

function subsetsUpTo(items: number[], size: number, forced: number[]): number[][] {
  const free = items.filter((item) => !forced.includes(item));
  const result: number[][] = [];
  const walk = (start: number, chosen: number[]): void => {
    if (chosen.length + forced.length <= size) result.push([...forced, ...chosen]);
    if (chosen.length + forced.length >= size) return;
    for (let i = start; i < free.length; i++) walk(i + 1, [...chosen, free[i]]);
  };
  walk(0, []);
  return result;
}

function previousHours(problem: PlanningProblem, person: number, line: number, week: number): number {
  return problem.previous.filter((e) => e.person === person && e.line === line && e.week === week).reduce((s, e) => s + e.hours, 0);
}

function pinnedHours(problem: PlanningProblem, person: number, line: number, week: number): number | undefined {
  const pins = problem.pinned.filter((e) => e.person === person && e.line === line && e.week === week);
  return pins.length ? pins.reduce((s, e) => s + e.hours, 0) : undefined;
}

/** Best hours for fixed teams (team[line] = people), from the plain LP. */
async function hoursForTeams(problem: PlanningProblem, teams: number[][]): Promise<StaffedHours[] | null> {
  const b = new LpBuilder('max');
  const cells: StaffedHours[] = [];
  const columns: number[] = [];
  const churn = problem.previous.length > 0 ? problem.churnPenaltyPerHour : 0;
  teams.forEach((people, line) => {
    const spec = problem.lines[line];
    for (const person of people) {
      const margin = problem.pairs.find((pair) => pair.person === person && pair.line === line)?.marginPerHour ?? 0;
      for (const week of spec.weeks) {
        const pin = pinnedHours(problem, person, line, week);
        const x = b.addColumn(spec.probability * (margin + problem.unmetPenaltyPerHour), pin ?? 0, pin ?? spec.hoursPerWeek);
        const q = previousHours(problem, person, line, week);
        if (churn > 0) {
          const up = b.addColumn(-churn, 0, Infinity);
          const down = b.addColumn(-churn, 0, Infinity);
          b.addRow([x, up, down], [1, -1, 1], q, q);
        }
        cells.push({ person, line, week, hours: 0 });
        columns.push(x);
      }
    }
  });
  const rows = new Map<string, { cols: number[]; upper: number }>();
  cells.forEach((cell, i) => {
    const spec = problem.lines[cell.line];
    const demand = `d${cell.line}|${cell.week}`;
    const capacity = `c${cell.person}|${cell.week}`;
    if (!rows.has(demand)) rows.set(demand, { cols: [], upper: spec.hoursPerWeek * spec.headcount });
    if (!rows.has(capacity)) rows.set(capacity, { cols: [], upper: problem.people[cell.person].available[cell.week] });
    rows.get(demand)!.cols.push(columns[i]);
    rows.get(capacity)!.cols.push(columns[i]);
  });
  for (const row of rows.values()) b.addRow(row.cols, row.cols.map(() => 1), -Infinity, row.upper);
  const result = await getBackend('highs').solve(b.build());
  if (!result.hasSolution) return null;
  return cells.map((cell, i) => ({ ...cell, hours: result.values[columns[i]] })).filter((cell) => cell.hours > 1e-9);
}

export interface BruteForceOptimum {
  value: number;
  hours: StaffedHours[];
  teamsTried: number;
}

export async function bruteForceOptimum(problem: PlanningProblem): Promise<BruteForceOptimum> {
  const choices = problem.lines.map((line, l) => {
    const eligible = problem.pairs.filter((pair) => pair.line === l).map((pair) => pair.person);
    const forced = [...new Set(problem.pinned.filter((pin) => pin.line === l && pin.hours > 0).map((pin) => pin.person))];
    return subsetsUpTo(eligible, line.headcount, forced);
  });
  let best: BruteForceOptimum = { value: -Infinity, hours: [], teamsTried: 0 };
  const pick: number[][] = [];
  const walk = async (line: number): Promise<void> => {
    if (line === choices.length) {
      best.teamsTried++;
      const hours = await hoursForTeams(problem, pick);
      if (!hours) return;
      const value = planValue(problem, hours).value;
      if (value > best.value) best = { ...best, value, hours };
      return;
    }
    for (const team of choices[line]) {
      pick[line] = team;
      await walk(line + 1);
    }
  };
  await walk(0);
  return best;
}
