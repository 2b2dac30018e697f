/**
 * Callers without `plans:read` see the team mix by role, not names: employee rows of one line at one
 * level are merged (hours, cost and price summed; rates become hour-weighted averages), so no single
 * person's cost rate can be read off the answer.
 */
import type { Estimate, EstimateLine } from './types.js';

function merge(rows: EstimateLine[]): EstimateLine {
  const hours = rows.reduce((sum, r) => sum + r.hours, 0);
  const cost = rows.reduce((sum, r) => sum + r.cost, 0);
  const price = rows.reduce((sum, r) => sum + r.price, 0);
  const { lineId, skill, level, staffedBy } = rows[0];
  const rate = (amount: number) => (hours > 0 ? Math.round((amount / hours) * 100) / 100 : 0);
  return { lineId, skill, level, hours: Math.round(hours * 1e4) / 1e4, costRate: rate(cost), cost: Math.round(cost * 100) / 100, billRate: rate(price), price: Math.round(price * 100) / 100, staffedBy };
}

export function redactEstimate(estimate: Estimate): Estimate {
  const groups = new Map<string, EstimateLine[]>();
  for (const row of estimate.lines) {
    const key = `${row.lineId}\u0000${row.staffedBy}\u0000${String(row.level).padStart(2, '0')}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return { ...estimate, lines: [...groups.keys()].sort().map((key) => merge(groups.get(key)!)) };
}
