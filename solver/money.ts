/**
 * Money in the base currency (DESIGN.md §3, team brief): the base is the exchange rate whose rateToBase
 * is 1 (amount × rateToBase = base amount); with no exchange rates at all, the one currency every rate
 * card and employee uses. Bill rates come from the rate card of the line's skill at the person's level
 * in that skill, else the nearest level below that has a card; a card in the base currency is preferred,
 * else the lowest currency code. No card at or below the level → bill rate 0.
 */
import { ScenarioError } from './errors.js';
import { normalizeScenario } from './scenario.js';
import type { Employee, RateCard, Scenario } from './types.js';

export interface MoneyContext {
  baseCurrency: string;
  rateToBase: Map<string, number>;
  /** Rate cards by skill, then by level. */
  cardsBySkill: Map<string, Map<number, RateCard[]>>;
}

/** Used only when the scenario names no currency anywhere (no rates, cards or employees). */
export const FALLBACK_BASE_CURRENCY = 'USD';

/**
 * Rate cards that can price an hour: levels are whole numbers 1-5 (DESIGN.md §3), so a card at level
 * 0, 2.5 or 6 is ignored — for pricing and for guessing the base currency — exactly as the checker does.
 */
export function usableRateCards(cards: readonly RateCard[] | undefined): RateCard[] {
  return (cards ?? []).filter((card) => Number.isInteger(card.level) && card.level >= 1 && card.level <= 5);
}

export function baseCurrency(scenario: Scenario): string {
  const rates = scenario.exchangeRates ?? [];
  if (rates.length > 0) {
    const bases = rates.filter((r) => r.rateToBase === 1).map((r) => r.currency).sort();
    if (bases.length !== 1) {
      throw new ScenarioError('exchangeRates', bases.length === 0 ? 'no currency has rateToBase 1' : `several currencies have rateToBase 1: ${bases.join(', ')}`);
    }
    return bases[0];
  }
  const used = new Set<string>();
  for (const card of usableRateCards(scenario.rateCards)) used.add(card.currency);
  for (const employee of scenario.employees ?? []) used.add(employee.currency);
  if (used.size > 1) {
    throw new ScenarioError('exchangeRates', `currencies ${[...used].sort().join(', ')} are mixed but no exchange rates are given`);
  }
  return used.size === 1 ? [...used][0] : FALLBACK_BASE_CURRENCY;
}

export function moneyContext(scenario: Scenario): MoneyContext {
  const normalized = normalizeScenario(scenario);
  const rateToBase = new Map<string, number>();
  for (const rate of normalized.exchangeRates ?? []) rateToBase.set(rate.currency, rate.rateToBase);
  const cardsBySkill = new Map<string, Map<number, RateCard[]>>();
  for (const card of usableRateCards(normalized.rateCards)) {
    const levels = cardsBySkill.get(card.skill) ?? new Map<number, RateCard[]>();
    cardsBySkill.set(card.skill, levels);
    levels.set(card.level, [...(levels.get(card.level) ?? []), card]);
  }
  const base = baseCurrency(normalized);
  rateToBase.set(base, 1);
  return { baseCurrency: base, rateToBase, cardsBySkill };
}

/** `amount` of `currency` in the base currency. */
export function toBase(amount: number, currency: string, money: MoneyContext, path = 'currency'): number {
  const rate = money.rateToBase.get(currency);
  if (rate === undefined) throw new ScenarioError(path, `no exchange rate for ${currency} (base ${money.baseCurrency})`);
  return amount * rate;
}

/**
 * Which currency's card wins when one (skill, level) has cards in several currencies. Staffing plans use
 * the default (the base currency's card); an estimate quoted in currency C passes `preferCurrency: C`
 * so the CRM sees the list price the firm set for C rather than another card converted.
 */
export interface CardPreference {
  preferCurrency?: string;
}

/** Among cards of one level: the preferred currency's card (if asked), else the base currency's, else the lowest currency code. */
export function preferredCard(cards: readonly RateCard[], base: string, preference: CardPreference = {}): RateCard {
  const inPreferred = preference.preferCurrency !== undefined ? cards.find((c) => c.currency === preference.preferCurrency) : undefined;
  if (inPreferred) return inPreferred;
  const inBase = cards.find((c) => c.currency === base);
  if (inBase) return inBase;
  return [...cards].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))[0];
}

/** The rate card that prices `skill` at `level`: that level, else the nearest level below with a card. */
export function rateCardFor(skill: string, level: number, money: MoneyContext, preference: CardPreference = {}): RateCard | undefined {
  const levels = money.cardsBySkill.get(skill);
  if (!levels) return undefined;
  let nearest: number | undefined;
  for (const cardLevel of levels.keys()) {
    if (cardLevel <= level && (nearest === undefined || cardLevel > nearest)) nearest = cardLevel;
  }
  return nearest === undefined ? undefined : preferredCard(levels.get(nearest)!, money.baseCurrency, preference);
}

/** Bill rate per hour in the base currency; 0 when no card exists at or below the level. */
export function billRate(skill: string, level: number, money: MoneyContext, preference: CardPreference = {}): number {
  const card = rateCardFor(skill, level, money, preference);
  return card ? toBase(card.billRate, card.currency, money, `rateCards[${card.skill}/${card.level}/${card.currency}]`) : 0;
}

/** The employee's cost rate per hour in the base currency. */
export function costRate(employee: Pick<Employee, 'id' | 'costRate' | 'currency'>, money: MoneyContext): number {
  return toBase(employee.costRate, employee.currency, money, `employees[${employee.id}].currency`);
}
