/**
 * Money rules of the BRIEF re-derived for the checker: base currency, conversion to it, the bill rate
 * of a staffed hour from the rate cards and the cost rate of a person, all in the base currency.
 */
import type { Employee, RateCard } from '../types.js';
import type { ScenarioView } from './scenarioView.js';

export interface MoneyRules {
  /** null when the scenario has no money at all (no rates, cards or employees). */
  baseCurrency: string | null;
  toBase(amount: number, currency: string): number;
  /** Bill rate per hour, base currency, of a person at `level` in `skill`; 0 without a card at or below. */
  billRate(skill: string, level: number): number;
  costRate(employee: Employee): number;
}

/** Thrown when the scenario's money cannot be put in one currency; the checker reports it. */
export class MoneyError extends Error {}

/** Cards whose level is a whole number 1-5; others are ignored, as the solver's money rules do. */
function usableCards(view: ScenarioView): RateCard[] {
  return view.rateCards.filter((card) => Number.isInteger(card.level) && card.level >= 1 && card.level <= 5);
}

function baseCurrencyOf(view: ScenarioView): string | null {
  if (view.exchangeRates.length > 0) {
    const bases = view.exchangeRates.filter((rate) => rate.rateToBase === 1).map((rate) => rate.currency);
    if (bases.length !== 1) throw new MoneyError(`exchange rates must have exactly one currency with rateToBase 1, found ${bases.length}`);
    return bases[0]!;
  }
  const used = new Set([...usableCards(view).map((card) => card.currency), ...view.employees.map((e) => e.currency)]);
  if (used.size > 1) throw new MoneyError(`no exchange rates but several currencies in use: ${[...used].sort().join(', ')}`);
  return used.size === 1 ? [...used][0]! : null;
}

/** Among cards of one (skill, level): the base currency's, else the lowest currency code. */
function preferredCard(cards: RateCard[], baseCurrency: string | null): RateCard {
  const inBase = cards.find((card) => card.currency === baseCurrency);
  return inBase ?? [...cards].sort((a, b) => (a.currency < b.currency ? -1 : 1))[0]!;
}

export function moneyRules(view: ScenarioView): MoneyRules {
  const baseCurrency = baseCurrencyOf(view);
  const rateToBase = new Map(view.exchangeRates.map((rate) => [rate.currency, rate.rateToBase]));
  const toBase = (amount: number, currency: string): number => {
    if (currency === baseCurrency || baseCurrency === null) return amount;
    const rate = rateToBase.get(currency);
    if (rate === undefined) throw new MoneyError(`no exchange rate for ${currency}`);
    return amount * rate;
  };
  const cardsByKey = new Map<string, RateCard[]>();
  for (const card of usableCards(view)) {
    const key = `${card.skill}|${card.level}`;
    cardsByKey.set(key, [...(cardsByKey.get(key) ?? []), card]);
  }
  const billRate = (skill: string, level: number): number => {
    for (let candidate = Math.floor(level); candidate >= 1; candidate -= 1) {
      const cards = cardsByKey.get(`${skill}|${candidate}`);
      if (cards && cards.length > 0) {
        const card = preferredCard(cards, baseCurrency);
        return toBase(card.billRate, card.currency);
      }
    }
    return 0;
  };
  return { baseCurrency, toBase, billRate, costRate: (employee) => toBase(employee.costRate, employee.currency) };
}
