/**
 * Prices a staffing: cost from cost rates (employees) or the contractor rate, price from the rate card
 * (an employee bills the card of their level in the line's skill, nearest level below; a contractor the
 * card of the line's minimum level, nearest below, else nearest above) or from a target margin
 * (price = cost / (1 − targetMargin)). Everything here is in the base currency; conversion is last.
 * Among cards of one (skill, level) the quote currency's card wins, then the base currency's, then the
 * lowest code (staffing plans keep the base-currency preference).
 */
import { skillLevel } from '../demand/eligibility.js';
import { billRate, rateCardFor, toBase, type CardPreference, type MoneyContext } from '../money.js';
import type { Employee, PlanLine } from '../types.js';
import type { StaffedHours } from './staffing.js';
import type { EstimateLine } from './types.js';

export interface PricingContext {
  money: MoneyContext;
  employees: Employee[];
  costRates: Float64Array; // base
  contractorRate: (line: PlanLine) => number; // base
  targetMargin?: number;
  /** The estimate's answer currency: its rate card wins over the base currency's (then the lowest code). */
  quoteCurrency?: string;
}

/** The bill rate a contractor on `line` is sold at (base currency). */
export function contractorBillRate(line: Pick<PlanLine, 'skill' | 'minLevel'>, money: MoneyContext, preference: CardPreference = {}): number {
  const atOrBelow = rateCardFor(line.skill, line.minLevel, money, preference);
  const nearestAbove = [...(money.cardsBySkill.get(line.skill)?.keys() ?? [])].filter((level) => level > line.minLevel).sort((a, b) => a - b)[0];
  const card = atOrBelow ?? (nearestAbove === undefined ? undefined : rateCardFor(line.skill, nearestAbove, money, preference));
  return card ? toBase(card.billRate, card.currency, money) : 0;
}

/** Price of `hours` costing `cost`: the target margin's, else hours × the rate card's rate. */
export function priceOf(hours: number, cost: number, cardRate: number, targetMargin: number | undefined): number {
  return targetMargin === undefined ? hours * cardRate : cost / (1 - targetMargin);
}

/** One priced row per (line, employee) and per (line, contractor), in the base currency. */
export function pricedLines(lines: PlanLine[], staffed: StaffedHours[], ctx: PricingContext): { rows: EstimateLine[]; rateCardPrice: number } {
  let rateCardPrice = 0;
  const preference: CardPreference = ctx.quoteCurrency !== undefined ? { preferCurrency: ctx.quoteCurrency } : {};
  const rows = staffed.map((entry): EstimateLine => {
    const line = lines[entry.line];
    const employee = entry.person >= 0 ? ctx.employees[entry.person] : undefined;
    const level = employee ? skillLevel(employee, line.skill) : line.minLevel;
    const costRate = employee ? ctx.costRates[entry.person] : ctx.contractorRate(line);
    const cardRate = employee ? billRate(line.skill, level, ctx.money, preference) : contractorBillRate(line, ctx.money, preference);
    const cost = entry.hours * costRate;
    const price = priceOf(entry.hours, cost, cardRate, ctx.targetMargin);
    rateCardPrice += entry.hours * cardRate;
    return {
      lineId: line.lineId,
      skill: line.skill,
      level,
      hours: entry.hours,
      costRate,
      cost,
      billRate: entry.hours > 0 ? price / entry.hours : cardRate,
      price,
      staffedBy: employee ? 'employee' : 'contractor',
      ...(employee ? { employeeId: employee.id, employeeName: employee.name } : {}),
    };
  });
  return { rows, rateCardPrice };
}
