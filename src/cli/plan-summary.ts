/** The readable summary of a staffing plan: horizon, coverage vs max, margin, bound/gap, unmet, utilization. */
import type { PlanUnmet, StaffingPlan } from '../../solver/types.js';
import { num, percent, table } from './output.js';

const TOP_UNMET = 10;

interface UnmetRun {
  lineId: string;
  reason: string;
  first: string;
  last: string;
  hours: number;
  expectedHours: number;
  detail: string;
  fix?: string;
}

/** Consecutive unmet rows of a line with the same fix, summed. */
export function unmetRuns(unmet: readonly PlanUnmet[]): UnmetRun[] {
  const runs: UnmetRun[] = [];
  for (const row of unmet) {
    const last = runs[runs.length - 1];
    if (last && last.lineId === row.lineId && last.reason === row.reason && last.fix === row.fix) {
      last.last = row.week;
      last.hours += row.hours;
      last.expectedHours += row.expectedHours;
    } else {
      runs.push({ lineId: row.lineId, reason: row.reason, first: row.week, last: row.week, hours: row.hours, expectedHours: row.expectedHours, detail: row.detail, fix: row.fix });
    }
  }
  return runs.sort((a, b) => b.expectedHours - a.expectedHours || (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
}

function lastDay(plan: StaffingPlan): string {
  const end = new Date(`${plan.horizon.from}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 7 * plan.horizon.weeks - 1);
  return end.toISOString().slice(0, 10);
}

function utilizationLine(plan: StaffingPlan): string {
  const withHours = plan.utilization.filter((u) => u.availableHours > 0);
  const available = withHours.reduce((s, u) => s + u.availableHours, 0);
  const assigned = withHours.reduce((s, u) => s + u.assignedHours, 0);
  const busy = withHours.filter((u) => u.utilization >= 0.9).length;
  const idle = withHours.filter((u) => u.assignedHours <= 1e-6).length;
  return `Utilization: ${percent(assigned, available)} of ${num(available)} available hours staffed; ${busy} people ≥ 90 %, ${idle} with nothing staffed`;
}

export function planSummary(plan: StaffingPlan): string {
  const o = plan.objective;
  const cur = plan.baseCurrency;
  const expectedDemand = o.coverage + plan.unmet.reduce((s, u) => s + u.expectedHours, 0);
  const out: string[] = [];
  out.push(`Staffing plan ${plan.horizon.from} to ${lastDay(plan)} (${plan.horizon.weeks} weeks): ${plan.utilization.length} people, ${plan.lines.length} role lines, money in ${cur}`);
  out.push(`Solver: ${plan.solver.status} via ${plan.solver.backend}${plan.solver.algorithm ? ` (${plan.solver.algorithm})` : ''} in ${num(plan.solver.timeMs / 1000, 2)} s; independent check: ${plan.check?.ok ? 'passed' : 'NOT RUN'}`);
  const max = o.maxCoverage ?? plan.bound.coverage;
  out.push(`Coverage: ${num(o.coverage)} of ${num(expectedDemand)} expected hours (${percent(o.coverage, expectedDemand)})${max !== undefined ? `; at most ${num(max)} coverable (${percent(o.coverage, max)} of max)` : ''}`);
  out.push(`Expected margin: ${num(o.expectedMargin, 2)} ${cur}; objective ${num(o.value, 2)}, bound ${num(plan.bound.value, 2)} (${plan.bound.kind}), gap ${num(100 * plan.gap, 2)} %`);
  out.push(utilizationLine(plan));
  const runs = unmetRuns(plan.unmet);
  if (runs.length === 0) {
    out.push('Unmet: none — every line-week is fully staffed.');
  } else {
    out.push(`Unmet: ${plan.unmet.length} line-weeks, ${num(plan.unmet.reduce((s, u) => s + u.hours, 0))} h (${num(plan.unmet.reduce((s, u) => s + u.expectedHours, 0))} expected h). Largest:`);
    const rows = runs.slice(0, TOP_UNMET).map((r) => [r.lineId, r.first === r.last ? r.first : `${r.first}..${r.last}`, num(r.expectedHours), r.reason, r.fix ?? r.detail]);
    out.push(table(['line', 'weeks', 'exp. h', 'reason', 'what would fix it'], rows).trimEnd());
    if (runs.length > TOP_UNMET) out.push(`… and ${runs.length - TOP_UNMET} more (see --json for every row with its detail)`);
  }
  return out.join('\n') + '\n';
}
