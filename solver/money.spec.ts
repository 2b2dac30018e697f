import { describe, expect, it } from '@jest/globals';
import { baseCurrency, billRate, costRate, moneyContext, toBase } from './money.js';
import type { Employee, Scenario } from './types.js';

const ann: Employee = { id: 'ann', name: 'Ann', location: 'UK', timeZone: 'Europe/London', costRate: 50, currency: 'GBP', skills: [], updatedAt: '2026-01-01T00:00:00Z' };

const scenario: Scenario = {
  employees: [ann],
  exchangeRates: [
    { currency: 'EUR', rateToBase: 1, asOf: '2026-01-01' },
    { currency: 'GBP', rateToBase: 1.2, asOf: '2026-01-01' },
    { currency: 'USD', rateToBase: 0.9, asOf: '2026-01-01' },
  ],
  rateCards: [
    { skill: 'sap', level: 2, billRate: 100, currency: 'USD' },
    { skill: 'sap', level: 2, billRate: 90, currency: 'GBP' },
    { skill: 'sap', level: 4, billRate: 150, currency: 'USD' },
    { skill: 'sap', level: 4, billRate: 140, currency: 'EUR' },
  ],
};

describe('money', () => {
  it('takes the currency whose rateToBase is 1 as the base', () => {
    expect(baseCurrency(scenario)).toBe('EUR');
  });

  it('without exchange rates takes the one currency everything uses, and rejects a mix', () => {
    expect(baseCurrency({ employees: [ann], rateCards: [{ skill: 's', level: 1, billRate: 1, currency: 'GBP' }] })).toBe('GBP');
    expect(() => baseCurrency({ employees: [ann], rateCards: [{ skill: 's', level: 1, billRate: 1, currency: 'USD' }] })).toThrow(/mixed/);
  });

  it('converts an amount with amount × rateToBase', () => {
    expect(toBase(10, 'GBP', moneyContext(scenario))).toBeCloseTo(12, 9);
    expect(() => toBase(10, 'JPY', moneyContext(scenario))).toThrow(/no exchange rate for JPY/);
  });

  it('prices a level with its own card, preferring the base currency', () => {
    expect(billRate('sap', 4, moneyContext(scenario))).toBe(140);
  });

  it('falls back to the nearest level below and then to the lowest currency code', () => {
    // Level 3 has no card: level 2 has GBP and USD cards, none in EUR → GBP (lowest code) 90 × 1.2.
    expect(billRate('sap', 3, moneyContext(scenario))).toBeCloseTo(108, 9);
  });

  it('bills 0 when no card exists at or below the level', () => {
    expect(billRate('sap', 1, moneyContext(scenario))).toBe(0);
    expect(billRate('java', 5, moneyContext(scenario))).toBe(0);
  });

  it('converts the cost rate to the base currency', () => {
    expect(costRate(ann, moneyContext(scenario))).toBeCloseTo(60, 9);
  });
});
