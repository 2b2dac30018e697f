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

  it('bounds monthly capacity by the hours of the weeks touching the month', () => {
    const doc = forecast();
    doc.options.bucket = 'month';
    doc.rows = [{ skill: 'data-eng', location: 'US-NY', week: '2027-01-01', capacityHours: 161, demandHours: 50, expectedDemandHours: 45, coverableHours: 45, gapHours: 0 }];
    expect(checkCapacityForecast(tinyScenario(), doc).violations).toEqual([
      'rows: capacity in US-NY 2027-01-01 sums to 161 h over skills but its people have only 160 h available (counted twice?)',
    ]);
  });
});
