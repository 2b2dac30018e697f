/**
 * Skill-week shadow prices (issue 5, "demand-based pricing"): what one more hour of a kind of work in a
 * week would cost the firm, given everything else the pipeline asks for.
 *
 * The capacity model of the forecast (supply groups → demand classes, each person's hours split, never
 * counted twice) becomes a cost LP over the window's weeks: flow from the firm's people costs nothing
 * (their cost is paid anyway) and an hour nobody can give is contracted at the policy's contractor rate.
 * Demand = the pipeline's expected hours (CRM lines of other opportunities; MAS projected lines only when
 * asked — on the fixture they outweigh the whole firm and would make every skill look scarce) plus the
 * scope's own hours in full. The dual of a class-week demand row is its shadow price: 0 while eligible
 * people have spare hours, the contractor rate when the skill is exhausted, and in between when an hour
 * must be freed by moving a multi-skilled person off other work that then gets contracted.
 */
import { availabilityMatrix } from '../calendar/availability.js';
import { demandLines } from '../demand/lines.js';
import { projectedDemandLines } from '../demand/projected.js';
import { demandClasses, eligibleArcs, supplyGroups } from '../forecast/network.js';
import { getBackend, LpBuilder } from '../lp/index.js';
import type { Horizon, IsoDate, PlanLine, Scenario } from '../types.js';

export interface ShadowPriceInput {
  scenario: Scenario; // normalized
  horizon: Horizon; // the weeks the scope's lines cover
  scopeLines: PlanLine[]; // inside the horizon
  excludeOpportunityId?: string; // the estimated deal: its pipeline lines are replaced by scopeLines
  countRequestedPto?: boolean;
  contractorRate: (skill: string, minLevel: number) => number; // base currency per hour
  /** Count MAS projected demand too (default false: an estimate competes with deals that exist). */
  includeProjected?: boolean;
}

export interface ShadowPrices {
  weeks: IsoDate[];
  /** price[l][k]: shadow price (base per hour) of scope line l in its k-th week. */
  scopeLinePrices: Float64Array[];
  /** Per skill and week: the pipeline's expected hours (scope excluded) and holders' available hours. */
  skillWeeks: Map<string, { pipelineExpected: Float64Array; available: Float64Array }>;
  status: string;
  backend: string;
}

function pipelineLines(input: ShadowPriceInput): PlanLine[] {
  const crm = demandLines(input.scenario, input.horizon).filter((line) => line.opportunityId !== input.excludeOpportunityId);
  return input.includeProjected ? [...crm, ...projectedDemandLines(input.scenario, input.horizon)] : crm;
}

function skillWeekTable(skills: Iterable<string>, weeks: number) {
  const table = new Map<string, { pipelineExpected: Float64Array; available: Float64Array }>();
  for (const skill of skills) table.set(skill, { pipelineExpected: new Float64Array(weeks), available: new Float64Array(weeks) });
  return table;
}

export async function skillWeekShadowPrices(input: ShadowPriceInput): Promise<ShadowPrices> {
  const matrix = availabilityMatrix(input.scenario, input.horizon, { countRequestedPto: input.countRequestedPto });
  const weekIndex = new Map(matrix.weeks.map((week, w) => [week, w] as const));
  const pipeline = pipelineLines(input);
  const lines = [...pipeline, ...input.scopeLines];
  const groups = supplyGroups(input.scenario.employees ?? []);
  const classes = demandClasses(lines);
  const arcs = eligibleArcs(groups, classes);
  const W = matrix.weeks.length;
  const supply = groups.map((group) => {
    const hours = new Float64Array(W);
    for (const m of group.members) for (let w = 0; w < W; w++) hours[w] += matrix.hours[m][w];
    return hours;
  });
  const demand = classes.map(() => new Float64Array(W));
  const lineClass = new Int32Array(lines.length);
  classes.forEach((demandClass, k) => {
    for (const j of demandClass.lines) {
      lineClass[j] = k;
      const line = lines[j];
      for (const week of line.weeks) demand[k][weekIndex.get(week)!] += line.hoursPerWeek * line.headcount * line.probability;
    }
  });
  const skillWeeks = skillWeekTable(new Set(input.scopeLines.map((l) => l.skill)), W);
  for (const line of pipeline) {
    const row = skillWeeks.get(line.skill);
    if (row) for (const week of line.weeks) row.pipelineExpected[weekIndex.get(week)!] += line.hoursPerWeek * line.headcount * line.probability;
  }
  groups.forEach((group, g) => {
    for (const skill of group.skills) {
      const row = skillWeeks.get(skill);
      if (row) for (let w = 0; w < W; w++) row.available[w] += supply[g][w];
    }
  });

  const builder = new LpBuilder('min');
  const groupRows = groups.map(() => Array.from({ length: W }, () => [] as number[]));
  const demandRow = classes.map(() => new Int32Array(W).fill(-1));
  const pendingDemand: { k: number; w: number; columns: number[] }[] = [];
  classes.forEach((demandClass, k) => {
    const rate = input.contractorRate(demandClass.skill, demandClass.representative.minLevel);
    for (let w = 0; w < W; w++) {
      if (demand[k][w] <= 1e-9) continue;
      const columns = [builder.addColumn(rate, 0, Infinity)];
      for (const g of arcs[k]) {
        if (supply[g][w] <= 1e-9) continue;
        const column = builder.addColumn(0, 0, Infinity);
        columns.push(column);
        groupRows[g][w].push(column);
      }
      pendingDemand.push({ k, w, columns });
    }
  });
  for (const { k, w, columns } of pendingDemand) demandRow[k][w] = builder.addRow(columns, columns.map(() => 1), demand[k][w], Infinity);
  groups.forEach((_, g) => {
    for (let w = 0; w < W; w++) if (groupRows[g][w].length > 0) builder.addRow(groupRows[g][w], groupRows[g][w].map(() => 1), -Infinity, supply[g][w]);
  });
  const result = await getBackend('highs').solve(builder.build(), { timeLimitSeconds: 10 });
  if (!result.hasSolution || !result.rowDuals) throw new Error(`shadow price LP gave no duals: ${result.status} ${result.message ?? ''}`.trim());
  const duals = result.rowDuals;
  const scopeLinePrices = input.scopeLines.map((line, l) => {
    const k = lineClass[pipeline.length + l];
    return Float64Array.from(line.weeks, (week) => {
      const row = demandRow[k][weekIndex.get(week)!];
      return row < 0 ? 0 : Math.max(0, duals[row]);
    });
  });
  return { weeks: matrix.weeks, scopeLinePrices, skillWeeks, status: result.status, backend: 'highs' };
}
