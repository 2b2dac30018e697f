/**
 * The shortage the hiring model works on: the capacity forecast's weekly flow LP (solver/forecast — people
 * in supply groups → demand classes, a person's hours split, never counted twice) over CRM expected
 * demand and MAS projected demand. What the flow cannot cover is the gap per class and week; what
 * people have left after it is their spare time (the reskilling pool).
 */
import { availabilityMatrix } from '../calendar/availability.js';
import { demandLines } from '../demand/lines.js';
import { projectedDemandLines } from '../demand/projected.js';
import { solveWeekFlow } from '../forecast/flow.js';
import { demandClasses, eligibleArcs, supplyGroups, type DemandClass, type SupplyGroup } from '../forecast/network.js';
import type { BackendName, Employee, Horizon, IsoDate, PlanLine, Scenario, SolveStatus } from '../types.js';

export interface Shortage {
  weeks: IsoDate[];
  lines: PlanLine[];
  classes: DemandClass[];
  groups: SupplyGroup[];
  employees: Employee[];
  /** gap[k][w]: expected hours of class k in week w that the firm's people cannot cover. */
  gap: Float64Array[];
  /** spare[g][w]: hours group g has left after the flow. */
  spare: Float64Array[];
  /** Per class and week: expected hours by line (index) — who is behind the demand. */
  lineHours: Map<number, number>[][];
  status: SolveStatus;
  backend: string;
}

export interface ShortageOptions {
  minProbability?: number;
  countRequestedPto?: boolean;
  includeLeadForecasts?: boolean;
  /** Weeks from horizon.from that belong to the CRM pipeline (default 13): MAS demand counts only after them. */
  crmHorizonWeeks?: number;
  backend?: BackendName | 'auto';
  timeLimitSeconds?: number;
  /** Called after each week's flow LP (progress, and the caller's chance to stop by throwing). */
  afterWeek?: (weeksDone: number, weeks: number) => void;
}

function expectedWeekly(line: PlanLine): number {
  return line.hoursPerWeek * line.headcount * line.probability;
}

export async function measureShortage(scenario: Scenario, horizon: Horizon, options: ShortageOptions): Promise<Shortage> {
  const matrix = availabilityMatrix(scenario, horizon, { countRequestedPto: options.countRequestedPto });
  const W = matrix.weeks.length;
  const weekIndex = new Map(matrix.weeks.map((week, w) => [week, w] as const));
  const lines = [...demandLines(scenario, horizon, { minProbability: options.minProbability }), ...(options.includeLeadForecasts === false ? [] : projectedDemandLines(scenario, horizon, { crmHorizonWeeks: options.crmHorizonWeeks }))];
  const employees = scenario.employees ?? [];
  const groups = supplyGroups(employees);
  const classes = demandClasses(lines);
  const arcs = eligibleArcs(groups, classes);
  const supply = groups.map((group) => Float64Array.from({ length: W }, (_, w) => group.members.reduce((sum, m) => sum + matrix.hours[m][w], 0)));
  const demand = classes.map(() => new Float64Array(W));
  const lineHours = classes.map(() => Array.from({ length: W }, () => new Map<number, number>()));
  classes.forEach((demandClass, k) => {
    for (const j of demandClass.lines) {
      for (const week of lines[j].weeks) {
        const w = weekIndex.get(week)!;
        demand[k][w] += expectedWeekly(lines[j]);
        lineHours[k][w].set(j, (lineHours[k][w].get(j) ?? 0) + expectedWeekly(lines[j]));
      }
    }
  });
  const gap = classes.map(() => new Float64Array(W));
  const spare = groups.map(() => new Float64Array(W));
  const statuses: SolveStatus[] = [];
  const backends = new Set<string>();
  for (let w = 0; w < W; w++) {
    const flow = await solveWeekFlow(
      { supply: Float64Array.from(supply, (s) => s[w]), demand: Float64Array.from(demand, (d) => d[w]), arcs },
      { backend: options.backend, timeLimitSeconds: options.timeLimitSeconds !== undefined ? options.timeLimitSeconds / (2 * W) : undefined },
    );
    statuses.push(flow.status);
    if (flow.backend !== 'none') backends.add(flow.backend);
    const allotted = new Float64Array(groups.length);
    classes.forEach((_, k) => {
      let covered = 0;
      for (const [g, hours] of flow.flows[k]) {
        covered += hours;
        allotted[g] += hours;
      }
      gap[k][w] = Math.max(0, demand[k][w] - covered);
    });
    groups.forEach((_, g) => (spare[g][w] = Math.max(0, supply[g][w] - allotted[g])));
    options.afterWeek?.(w + 1, W);
  }
  const status = statuses.includes('timedout') ? 'timedout' : statuses.includes('feasible') ? 'feasible' : 'optimal';
  return { weeks: matrix.weeks, lines, classes, groups, employees, gap, spare, lineHours, status, backend: [...backends].sort().join('+') || 'none' };
}
