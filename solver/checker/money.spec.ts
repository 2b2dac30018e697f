import { describe, expect, it } from '@jest/globals';
import type { Scenario } from '../types.js';
import { moneyRules } from './money.js';
import { scenarioView } from './scenarioView.js';

const rates = [
  { currency: 'USD', rateToBase: 1, asOf: '2026-12-01' },
  { currency: 'EUR', rateToBase: 1.1, asOf: '2026-12-01' },
  { currency: 'GBP', rateToBase: 1.25, asOf: '2026-12-01' },
];
const money = (scenario: Scenario) => moneyRules(scenarioView(scenario));

describe('checker money', () => {
  it('bills at the nearest level at or below, preferring the base currency, else the lowest code, converted', () => {
    const rules = money({
      exchangeRates: rates,
      rateCards: [
        { skill: 'sap', level: 2, billRate: 100, currency: 'GBP' },
        { skill: 'sap', level: 2, billRate: 100, currency: 'EUR' },
        { skill: 'sap', level: 4, billRate: 200, currency: 'EUR' },
        { skill: 'sap', level: 4, billRate: 180, currency: 'USD' },
      ],
    });
    expect(rules.baseCurrency).toBe('USD');
    expect(rules.billRate('sap', 5)).toBe(180);
    expect(rules.billRate('sap', 3)).toBeCloseTo(110, 9);
    expect(rules.billRate('sap', 1)).toBe(0);
  });

  it('converts cost rates to the base currency', () => {
    const rules = money({ exchangeRates: rates });
    expect(rules.costRate({ id: 'x', name: 'x', location: 'GB-LON', timeZone: 'Europe/London', costRate: 80, currency: 'GBP', skills: [], updatedAt: '' })).toBe(100);
  });

  it('without exchange rates takes the one currency in use and refuses a mix', () => {
    expect(money({ rateCards: [{ skill: 'a', level: 1, billRate: 1, currency: 'EUR' }] }).baseCurrency).toBe('EUR');
    expect(() => money({ rateCards: [{ skill: 'a', level: 1, billRate: 1, currency: 'EUR' }, { skill: 'a', level: 1, billRate: 1, currency: 'USD' }] })).toThrow('several currencies in use: EUR, USD');
  });
});
