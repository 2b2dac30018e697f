/**
 * What a contractor costs per hour (base currency). The policy states a multiplier, not a rate, so the
 * multiplier applies to a reference cost: the MEDIAN cost rate of the firm's own holders of the skill at
 * or above the level asked for — what an equivalent employee costs, robust to one expensive partner.
 * Fallbacks, in order, when nobody qualifies: holders of the skill at any level, then every employee,
 * then the rate card's bill rate at the level (a contractor at list price). Nothing at all → error.
 */
import { ScenarioError } from '../errors.js';
import { rateCardFor, toBase, type MoneyContext } from '../money.js';
import { skillLevel } from '../demand/eligibility.js';
import type { Employee, HiringPolicy } from '../types.js';

export type ReferenceCostBasis = 'median-cost-of-qualified-holders' | 'median-cost-of-skill-holders' | 'median-cost-of-all-employees' | 'rate-card-bill-rate';

export interface ContractorRate {
  ratePerHour: number; // base currency
  referenceCost: number; // base currency, before the multiplier
  basis: ReferenceCostBasis;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function baseCost(employee: Employee, money: MoneyContext): number {
  return toBase(employee.costRate, employee.currency, money, `employees[${employee.id}].currency`);
}

/** The reference cost per hour of one hour of `skill` at `minLevel`, and which rule produced it. */
export function referenceCost(skill: string, minLevel: number, employees: readonly Employee[], money: MoneyContext): { cost: number; basis: ReferenceCostBasis } {
  const qualified = employees.filter((e) => skillLevel(e, skill) >= Math.max(1, minLevel));
  if (qualified.length > 0) return { cost: median(qualified.map((e) => baseCost(e, money))), basis: 'median-cost-of-qualified-holders' };
  const holders = employees.filter((e) => skillLevel(e, skill) > 0);
  if (holders.length > 0) return { cost: median(holders.map((e) => baseCost(e, money))), basis: 'median-cost-of-skill-holders' };
  if (employees.length > 0) return { cost: median(employees.map((e) => baseCost(e, money))), basis: 'median-cost-of-all-employees' };
  const card = rateCardFor(skill, minLevel, money) ?? rateCardFor(skill, 5, money);
  if (card) return { cost: toBase(card.billRate, card.currency, money), basis: 'rate-card-bill-rate' };
  throw new ScenarioError('hiringPolicy.contractorRateMultiplier', `no employee and no rate card to price a contractor for ${skill}`);
}

export function checkedMultiplier(policy: HiringPolicy | undefined): number {
  const multiplier = policy?.contractorRateMultiplier ?? DEFAULT_CONTRACTOR_RATE_MULTIPLIER;
  if (!Number.isFinite(multiplier) || multiplier <= 0) {
    throw new ScenarioError('hiringPolicy.contractorRateMultiplier', `expected a positive number, got ${JSON.stringify(multiplier)}`);
  }
  return multiplier;
}

/** Used only when the scenario has no hiring policy at all. */
export const DEFAULT_CONTRACTOR_RATE_MULTIPLIER = 1.5;

/** Contractor cost per hour = policy multiplier × reference cost (memoised per skill and level). */
export function contractorRates(employees: readonly Employee[], money: MoneyContext, policy: HiringPolicy | undefined): (skill: string, minLevel: number) => ContractorRate {
  const multiplier = checkedMultiplier(policy);
  const memo = new Map<string, ContractorRate>();
  return (skill, minLevel) => {
    const key = `${skill}\u0000${minLevel}`;
    let rate = memo.get(key);
    if (!rate) {
      const { cost, basis } = referenceCost(skill, minLevel, employees, money);
      rate = { ratePerHour: cost * multiplier, referenceCost: cost, basis };
      memo.set(key, rate);
    }
    return rate;
  };
}
