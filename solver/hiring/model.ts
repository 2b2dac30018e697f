/**
 * The hiring LP (issue 5; DESIGN.md §6): cover the shortage (shortage.ts) at least cost with
 * - hires h[s, L, t] (FTE of skill s at location L starting in week t ≥ lead time): each gives 40 h a week
 *   from t on and costs the median cost rate of the skill's holders there × 40 h × the weeks left in the
 *   horizon; their hours go to demand of skill s at L (or demand that names no location);
 * - contractors (hours, from the contractor lead time on) at the contractor rate;
 * - reskilling r[g, s] (people of supply group g trained into s, a skill adjacent to one they hold) at
 *   trainingHours × their cost rate; from the reskill lead time on, their SPARE hours cover s at one level
 *   below their level in the adjacent skill (never certified work);
 * - unmet hours at U = max(1000, 10 × the highest contractor rate): above every action's hourly cost,
 *   so an hour stays unmet only when no action can reach it in time.
 * FTE are continuous (a forecast signal, not an offer letter).
 */
import { skillLevel } from '../demand/eligibility.js';
import type { DemandClass } from '../forecast/network.js';
import { LpBuilder, resolveBackend, sizeOf, type LinearProgram, type LpResult } from '../lp/index.js';
import type { BackendName } from '../types.js';
import { FTE_HOURS_PER_WEEK, type ResolvedPolicy } from './policy.js';
import type { Shortage } from './shortage.js';

const EPS = 1e-6;

export interface CoverColumn {
  column: number;
  action: 'hire' | 'contract' | 'reskill' | 'unmet';
  k: number; // class
  w: number; // week
  key: string; // signal key: action, skill, location
}

export interface HiringModel {
  covers: CoverColumn[];
  hires: { column: number; key: string; t: number }[];
  reskills: { column: number; key: string; g: number; skill: string; weeklyHours: number; fromSkills: string[] }[];
  unmetPenaltyPerHour: number;
}

export interface CostInputs {
  hireCostRate: (skill: string, location: string) => number; // base per hour
  contractorRate: (skill: string, minLevel: number) => number; // base per hour
  groupCostRate: (g: number) => number; // base per hour (average of members)
  locations: string[]; // firm locations (where hires can be placed)
  adjacent: Map<string, string[]>; // skill → skills a holder can be reskilled into
  /** Location a contract / unmet signal of class k names (placement.ts: never `*` when the firm knows a place). */
  signalLocation: (k: number) => string;
}

export const signalKey = (action: string, skill: string, location: string) => `${action}\u0000${skill}\u0000${location}`;

function isLocated(demandClass: DemandClass): boolean {
  const line = demandClass.representative;
  return line.location !== undefined && !line.remoteAllowed;
}

/** Level a group's people reach in `skill` by reskilling (0 = cannot), and the skills they come from. */
function reskillReach(shortage: Shortage, g: number, skill: string, adjacent: Map<string, string[]>): { level: number; from: string[] } {
  const person = shortage.groups[g].representative;
  if (skillLevel(person, skill) > 0) return { level: 0, from: [] };
  let level = 0;
  const from: string[] = [];
  for (const entry of person.skills) {
    if (!(adjacent.get(entry.skill) ?? []).includes(skill)) continue;
    from.push(entry.skill);
    level = Math.max(level, Math.max(1, entry.level - 1));
  }
  return { level, from: [...new Set(from)].sort() };
}

export function buildHiringModel(shortage: Shortage, policy: ResolvedPolicy, costs: CostInputs): { builder: LpBuilder; model: HiringModel } {
  const builder = new LpBuilder('min');
  const W = shortage.weeks.length;
  const maxContractor = Math.max(0, ...shortage.classes.map((c) => costs.contractorRate(c.skill, c.representative.minLevel)));
  const U = Math.max(1000, 10 * maxContractor);
  const model: HiringModel = { covers: [], hires: [], reskills: [], unmetPenaltyPerHour: U };
  const hireRows = new Map<string, number[][]>(); // key → per week cover columns
  const reskillRows = new Map<string, { g: number; skill: string; from: string[]; perWeek: number[][] }>();
  const spareRows = shortage.groups.map(() => Array.from({ length: W }, () => [] as number[]));
  shortage.classes.forEach((demandClass, k) => {
    const { skill } = demandClass;
    const minLevel = demandClass.representative.minLevel;
    const hireLocations = isLocated(demandClass) ? [demandClass.location] : costs.locations;
    for (let w = 0; w < W; w++) {
      const gap = shortage.gap[k][w];
      if (gap <= EPS) continue;
      const columns: number[] = [];
      const cover = (action: CoverColumn['action'], cost: number, location: string) => {
        const column = builder.addColumn(cost, 0, gap);
        model.covers.push({ column, action, k, w, key: signalKey(action, skill, location) });
        columns.push(column);
        return column;
      };
      cover('unmet', U, costs.signalLocation(k));
      if (w >= policy.contractorLeadTimeWeeks) cover('contract', costs.contractorRate(skill, minLevel), costs.signalLocation(k));
      for (const location of hireLocations) {
        if (w < policy.leadTimeWeeks(skill, location)) continue;
        const key = signalKey('hire', skill, location);
        const perWeek = hireRows.get(key) ?? Array.from({ length: W }, () => [] as number[]);
        hireRows.set(key, perWeek);
        perWeek[w].push(cover('hire', 0, location));
      }
      if (w >= policy.reskillLeadTimeWeeks && !demandClass.representative.requiresCertification) {
        shortage.groups.forEach((group, g) => {
          if (shortage.spare[g][w] <= EPS || (isLocated(demandClass) && group.location !== demandClass.location)) return;
          const reach = reskillReach(shortage, g, skill, costs.adjacent);
          if (reach.level < minLevel) return;
          const key = `${signalKey('reskill', skill, group.location)}\u0000${g}`;
          const entry = reskillRows.get(key) ?? { g, skill, from: reach.from, perWeek: Array.from({ length: W }, () => [] as number[]) };
          reskillRows.set(key, entry);
          const column = cover('reskill', 0, group.location);
          entry.perWeek[w].push(column);
          spareRows[g][w].push(column);
        });
      }
      builder.addRow(columns, columns.map(() => 1), gap, gap);
    }
  });
  addHires(builder, model, hireRows, costs, policy, W);
  addReskills(builder, model, reskillRows, shortage, costs, policy);
  spareRows.forEach((perWeek, g) => perWeek.forEach((columns, w) => {
    if (columns.length > 0) builder.addRow(columns, columns.map(() => 1), -Infinity, shortage.spare[g][w]);
  }));
  return { builder, model };
}

/** h[s, L, t] for t from the lead time; Σ covers in week w ≤ 40 × Σ_{t ≤ w} h. */
function addHires(builder: LpBuilder, model: HiringModel, rows: Map<string, number[][]>, costs: CostInputs, policy: ResolvedPolicy, W: number): void {
  for (const key of [...rows.keys()].sort()) {
    const [, skill, location] = key.split('\u0000');
    const perWeek = rows.get(key)!;
    const lastWeek = perWeek.reduce((last, columns, w) => (columns.length > 0 ? w : last), -1);
    const starts: { column: number; t: number }[] = [];
    for (let t = policy.leadTimeWeeks(skill, location); t <= lastWeek; t++) {
      const column = builder.addColumn(costs.hireCostRate(skill, location) * FTE_HOURS_PER_WEEK * (W - t), 0, Infinity);
      starts.push({ column, t });
      model.hires.push({ column, key, t });
    }
    perWeek.forEach((columns, w) => {
      if (columns.length === 0) return;
      const hired = starts.filter((s) => s.t <= w).map((s) => s.column);
      builder.addRow([...columns, ...hired], [...columns.map(() => 1), ...hired.map(() => -FTE_HOURS_PER_WEEK)], -Infinity, 0);
    });
  }
}

/** r[g, s] people trained; Σ covers in week w ≤ their weekly hours × r. */
function addReskills(builder: LpBuilder, model: HiringModel, rows: Map<string, { g: number; skill: string; from: string[]; perWeek: number[][] }>, shortage: Shortage, costs: CostInputs, policy: ResolvedPolicy): void {
  for (const key of [...rows.keys()].sort()) {
    const { g, skill, from, perWeek } = rows.get(key)!;
    const group = shortage.groups[g];
    const weeklyHours = group.members.reduce((sum, m) => sum + (shortage.employees[m].weeklyHours ?? FTE_HOURS_PER_WEEK), 0) / group.members.length;
    const column = builder.addColumn(policy.reskillTrainingHours * costs.groupCostRate(g), 0, group.members.length);
    model.reskills.push({ column, key: signalKey('reskill', skill, group.location), g, skill, weeklyHours, fromSkills: from });
    perWeek.forEach((columns) => {
      if (columns.length > 0) builder.addRow([...columns, column], [...columns.map(() => 1), -weeklyHours], -Infinity, 0);
    });
  }
}

export async function solveHiringModel(lp: LinearProgram, backend: BackendName | 'auto' | undefined, timeLimitSeconds: number | undefined): Promise<{ result: LpResult; backend: string }> {
  const chosen = resolveBackend(backend, sizeOf(lp));
  const result = await chosen.solve(lp, { timeLimitSeconds: timeLimitSeconds ?? 60 });
  if (!result.hasSolution) throw new Error(`hiring LP failed on ${chosen.name}: ${result.status} ${result.message ?? ''}`.trim());
  return { result, backend: chosen.name };
}
