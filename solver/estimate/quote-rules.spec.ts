import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { billRate, moneyContext } from '../money.js';
import type { Opportunity, Scenario } from '../types.js';
import { estimate } from './index.js';

const tiny = (): Scenario => JSON.parse(readFileSync(new URL('../../fixtures/tiny.json', import.meta.url), 'utf8'));

/** A devops deal that closes on Friday 2027-06-18 (its Monday: 2027-06-14) but was entered to start earlier. */
function withLateClosingDeal(): Scenario {
  const scenario = tiny();
  const deal: Opportunity = {
    id: 'o-late', accountId: 'acc-1', name: 'Late close', stage: 'proposal', probability: 0.5,
    closeDate: '2027-06-18', expectedStart: '2027-06-07', status: 'open', currency: 'USD', updatedAt: '2026-12-01T09:00:00Z',
    roles: [{ id: 'late#1', skill: 'devops', minLevel: 3, hoursPerWeek: 10, durationWeeks: 1 }],
  };
  scenario.opportunities = [...(scenario.opportunities ?? []), deal];
  return scenario;
}

/** tiny + EUR at 1.08 and python level-3 cards of 175 USD and 160 EUR. */
function withEuroCard(): Scenario {
  const scenario = tiny();
  scenario.exchangeRates = [...(scenario.exchangeRates ?? []), { currency: 'EUR', rateToBase: 1.08, asOf: '2026-12-01' }];
  scenario.rateCards = [...(scenario.rateCards ?? []), { skill: 'python', level: 3, billRate: 175, currency: 'USD' }, { skill: 'python', level: 3, billRate: 160, currency: 'EUR' }];
  return scenario;
}

const pythonScope = { expectedStart: '2027-01-11', roles: [{ skill: 'python', minLevel: 3, hoursPerWeek: 10, durationWeeks: 1, location: 'US-NY' }] };

describe('estimate candidate starts wait for the deal to close', () => {
  it('moves a window.from before the close date to the close date\'s Monday (closes 2027-06-18 → starts ≥ 2027-06-14)', async () => {
    const result = await estimate(withLateClosingDeal(), { opportunityId: 'o-late', window: { from: '2027-06-01', weeks: 3 } });
    expect(result.options.map((o) => o.start)).toEqual(['2027-06-14', '2027-06-21', '2027-06-28']);
    expect(result.earliestStart).toBe('2027-06-14');
    expect(result.assumptions.some((a) => a.includes('before the deal closes') && a.includes('2027-06-14'))).toBe(true);
  });

  it('moves an expected start before the close date too, when no window is given', async () => {
    const result = await estimate(withLateClosingDeal(), { opportunityId: 'o-late', window: { weeks: 1 } });
    expect(result.options.map((o) => o.start)).toEqual(['2027-06-14']);
  });

  it('keeps a window that already starts after the close date', async () => {
    const result = await estimate(withLateClosingDeal(), { opportunityId: 'o-late', window: { from: '2027-07-05', weeks: 1 } });
    expect(result.start).toBe('2027-07-05');
  });

  it('starts an inline scope at its expected start (it has no close date)', async () => {
    const result = await estimate(tiny(), { scope: pythonScope, window: { weeks: 1 } });
    expect(result.start).toBe('2027-01-11');
  });
});

describe('estimate bill rates in the quote currency', () => {
  it('a EUR quote uses the EUR card (160), not the USD card converted (175 ÷ 1.08)', async () => {
    const result = await estimate(withEuroCard(), { scope: pythonScope, window: { weeks: 1 }, currency: 'EUR' });
    expect(result.lines.map((l) => [l.staffedBy, l.billRate, l.price])).toEqual([['employee', 160, 1600]]);
    expect(result.totalPrice).toBe(1600);
  });

  it('a USD quote of the same scope keeps the base-currency card (175)', async () => {
    const result = await estimate(withEuroCard(), { scope: pythonScope, window: { weeks: 1 }, currency: 'USD' });
    expect(result.lines.map((l) => l.billRate)).toEqual([175]);
  });

  it('staffing-plan bill rates keep preferring the base-currency card', () => {
    const money = moneyContext(withEuroCard());
    expect(billRate('python', 3, money)).toBe(175);
    expect(billRate('python', 3, money, { preferCurrency: 'EUR' })).toBeCloseTo(160 * 1.08, 9);
    expect(billRate('python', 3, money, { preferCurrency: 'GBP' })).toBe(175); // no GBP card: base next
  });
});
