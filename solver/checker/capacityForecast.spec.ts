import { describe, expect, it } from '@jest/globals';
import type { CapacityForecast } from '../types.js';
import { checkCapacityForecast } from './capacityForecast.js';
import { tinyScenario } from './specWorld.js';

/** Ada and Bo (US-NY, 40 h each) against r1 (20 h, won) and o2#1 (10 h at p 0.5 in week 2). */
function forecast(): CapacityForecast {
  return {
    horizon: { from: '2027-01-04', weeks: 2 },
    options: { minProbability: 0, countRequestedPto: false, bucket: 'week', includeLeadForecasts: false },
    rows: [
      { skill: 'data-eng', location: 'US-NY', week: '2027-01-04', capacityHours: 80, demandHours: 20, expectedDemandHours: 20, coverableHours: 20, gapHours: 0 },
      { skill: 'data-eng', location: 'US-NY', week: '2027-01-11', capacityHours: 80, demandHours: 30, expectedDemandHours: 25, coverableHours: 25, gapHours: 0 },
    ],
    solver: { backend: 'hand', status: 'optimal', timeMs: 0 },
  };
}

describe('checkCapacityForecast', () => {
  it('accepts a forecast whose numbers add up', () => {
    expect(checkCapacityForecast(tinyScenario(), forecast())).toEqual({ ok: true, violations: [] });
  });

  it('rejects coverable above expected demand and a gap that does not follow', () => {
    const doc = forecast();
    doc.rows[1] = { ...doc.rows[1]!, coverableHours: 26, gapHours: 1 };
    expect(checkCapacityForecast(tinyScenario(), doc).violations).toEqual([
      'rows: data-eng in US-NY 2027-01-11 covers 26 h of only 25 expected demand hours',
      'rows: data-eng in US-NY 2027-01-11 gap is 1 h, expected -1 h',
    ]);
  });

  it('catches a multi-skilled person counted once per skill', () => {
    const doc = forecast();
    doc.rows.push({ skill: 'pm', location: 'US-NY', week: '2027-01-04', capacityHours: 40, demandHours: 0, expectedDemandHours: 0, coverableHours: 0, gapHours: 0 });
    expect(checkCapacityForecast(tinyScenario(), doc).violations).toEqual([
      'rows: capacity in US-NY 2027-01-04 sums to 120 h over skills but its people have only 80 h available (counted twice?)',
    ]);
  });

  it('compares demand per skill and week with the planned lines', () => {
    const doc = forecast();
    doc.rows[1] = { ...doc.rows[1]!, demandHours: 20, expectedDemandHours: 20, coverableHours: 20 };
    expect(checkCapacityForecast(tinyScenario(), doc).violations).toEqual([
      'demand: data-eng week 2027-01-11 has 20 h (expected 20) over locations, the lines demand 30 h (expected 25)',
    ]);
  });

  it('rejects a located row that covers more than its own capacity (covered hours counted in another row)', () => {
    const doc = forecast();
    doc.rows[0] = { ...doc.rows[0]!, capacityHours: 15 };
    expect(checkCapacityForecast(tinyScenario(), doc).violations).toEqual(['rows: data-eng in US-NY 2027-01-04 covers 20 h with only 15 h capacity there']);
  });

  it('accepts covered location-free demand in the covering people\'s row and only the uncovered rest in *', () => {
    const doc = forecast();
    // Week 2's 25 expected h: 20 covered by US-NY, 5 left unplaced; Σ over rows is still the lines' 30 / 25 h.
    doc.rows[1] = { ...doc.rows[1]!, demandHours: 24, expectedDemandHours: 20, coverableHours: 20, gapHours: 0 };
    doc.rows.push({ skill: 'data-eng', location: '*', week: '2027-01-11', capacityHours: 0, demandHours: 6, expectedDemandHours: 5, coverableHours: 0, gapHours: 5 });
    expect(checkCapacityForecast(tinyScenario(), doc)).toEqual({ ok: true, violations: [] });
  });

  it('rejects a * row that claims capacity or coverable hours', () => {
    const doc = forecast();
    doc.rows[1] = { ...doc.rows[1]!, demandHours: 20, expectedDemandHours: 15, coverableHours: 15 };
    doc.rows.push({ skill: 'data-eng', location: '*', week: '2027-01-11', capacityHours: 0, demandHours: 10, expectedDemandHours: 10, coverableHours: 10, gapHours: 0 });
    expect(checkCapacityForecast(tinyScenario(), doc).violations).toEqual([
      'rows: data-eng in * 2027-01-11 is unplaced demand but shows 0 h capacity and 10 h coverable (covered hours belong in the covering people\'s location row)',
    ]);
  });

  it('bounds monthly capacity by the hours of the weeks touching the month', () => {
    const doc = forecast();
    doc.options.bucket = 'month';
    doc.rows = [{ skill: 'data-eng', location: 'US-NY', week: '2027-01-01', capacityHours: 161, demandHours: 50, expectedDemandHours: 45, coverableHours: 45, gapHours: 0 }];
    expect(checkCapacityForecast(tinyScenario(), doc).violations).toEqual([
      'rows: capacity in US-NY 2027-01-01 sums to 161 h over skills but its people have only 160 h available (counted twice?)',
    ]);
  });
});
