/**
 * The in-demand skills report for HR: per skill, the expected hours the firm's people cannot cover (the
 * capacity forecast's gap) and the revenue at stake — those hours at the rate card of the lines' minimum
 * level (nearest below, else nearest above; base currency) — ranked both ways (1 = most in demand).
 */
import { contractorBillRate } from '../estimate/price.js';
import type { MoneyContext } from '../money.js';
import type { Shortage } from './shortage.js';
import type { InDemandSkill } from './types.js';

/** `locationOf(k)`: where class k's shortage is (placement.ts), so location-free demand names a real place. */
export function inDemandSkills(shortage: Shortage, money: MoneyContext, locationOf: (k: number) => string = (k) => shortage.classes[k].location): InDemandSkill[] {
  const bySkill = new Map<string, { hours: number; revenue: number; weeks: Set<number>; locations: Set<string> }>();
  shortage.classes.forEach((demandClass, k) => {
    const rate = contractorBillRate(demandClass.representative, money);
    shortage.gap[k].forEach((gap, w) => {
      if (gap <= 1e-6) return;
      const entry = bySkill.get(demandClass.skill) ?? { hours: 0, revenue: 0, weeks: new Set<number>(), locations: new Set<string>() };
      bySkill.set(demandClass.skill, entry);
      entry.hours += gap;
      entry.revenue += gap * rate;
      entry.weeks.add(w);
      entry.locations.add(locationOf(k));
    });
  });
  const skills = [...bySkill.keys()].sort();
  const rank = (value: (skill: string) => number) => {
    const order = [...skills].sort((a, b) => value(b) - value(a) || (a < b ? -1 : 1));
    return new Map(order.map((skill, i) => [skill, i + 1] as const));
  };
  const byShortage = rank((s) => bySkill.get(s)!.hours);
  const byRevenue = rank((s) => bySkill.get(s)!.revenue);
  return skills
    .map((skill) => {
      const entry = bySkill.get(skill)!;
      return {
        skill,
        shortageHours: Math.round(entry.hours * 1000) / 1000,
        revenueAtStake: Math.round(entry.revenue * 100) / 100,
        shortWeeks: entry.weeks.size,
        locations: [...entry.locations].sort(),
        rankByShortage: byShortage.get(skill)!,
        rankByRevenue: byRevenue.get(skill)!,
      };
    })
    .sort((a, b) => a.rankByShortage - b.rankByShortage);
}
