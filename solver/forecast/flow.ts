/**
 * One week's transportation LP: maximize Σ flow, where flow[g, c] ≥ 0 is the hours supply group g gives
 * demand class c, Σ_c flow[g, c] ≤ the group's available hours and Σ_g flow[g, c] ≤ the class's expected
 * demand. A multi-skilled person's hours are split between classes, never counted twice.
 */
import { LpBuilder, resolveBackend, sizeOf } from '../lp/index.js';
import type { BackendName, SolveStatus } from '../types.js';

export interface WeekFlowInput {
  supply: Float64Array; // available hours per group
  demand: Float64Array; // expected demand hours per class
  arcs: number[][]; // per class, eligible groups
}

export interface WeekFlow {
  /** flows[c] = [group, hours][] with hours > 0. */
  flows: [number, number][][];
  status: SolveStatus;
  backend: BackendName | 'none';
}

const ZERO = 1e-9;

export async function solveWeekFlow(input: WeekFlowInput, options: { backend?: BackendName | 'auto'; timeLimitSeconds?: number; shouldStop?: () => boolean }): Promise<WeekFlow> {
  const builder = new LpBuilder('max');
  const columns: { group: number; demand: number }[] = [];
  const byGroup = new Map<number, number[]>();
  const byDemand: [number, number[]][] = [];
  input.arcs.forEach((groups, c) => {
    if (input.demand[c] <= ZERO) return;
    const own: number[] = [];
    for (const g of groups) {
      if (input.supply[g] <= ZERO) continue;
      const column = builder.addColumn(1, 0, Math.min(input.supply[g], input.demand[c]));
      columns.push({ group: g, demand: c });
      own.push(column);
      const list = byGroup.get(g);
      if (list) list.push(column);
      else byGroup.set(g, [column]);
    }
    if (own.length > 0) byDemand.push([c, own]);
  });
  const flows: [number, number][][] = input.arcs.map(() => []);
  if (columns.length === 0) return { flows, status: 'optimal', backend: 'none' };
  for (const [g, cols] of [...byGroup.entries()].sort((a, b) => a[0] - b[0])) builder.addRow(cols, cols.map(() => 1), -Infinity, input.supply[g]);
  for (const [c, cols] of byDemand) builder.addRow(cols, cols.map(() => 1), -Infinity, input.demand[c]);
  const lp = builder.build();
  const backend = resolveBackend(options.backend, sizeOf(lp));
  const result = await backend.solve(lp, { timeLimitSeconds: options.timeLimitSeconds, shouldStop: options.shouldStop });
  if (!result.hasSolution) throw new Error(`capacity flow LP failed on ${backend.name}: ${result.status} ${result.message ?? ''}`.trim());
  columns.forEach((col, index) => {
    const hours = result.values[index];
    if (hours > ZERO) flows[col.demand].push([col.group, hours]);
  });
  const status: SolveStatus = result.status === 'optimal' ? 'optimal' : result.status === 'timedout' ? 'timedout' : 'feasible';
  return { flows, status, backend: backend.name };
}
