import { describe, expect, it } from '@jest/globals';
import { buildProblem } from '../problem.js';
import type { Scenario } from '../types.js';
import { occupancyOf } from './occupancy.js';
import { busyText, onThisLineText } from './unmet.js';

const ts = '2026-01-01T00:00:00Z';

const scenario: Scenario = {
  employees: [{ id: 'ann', name: 'Ann Lee', location: 'UK', timeZone: 'Europe/London', costRate: 50, currency: 'GBP', skills: [{ skill: 'java', level: 4 }], updatedAt: ts }],
  opportunities: [
    { id: 'O1', accountId: 'A', name: 'O1', stage: 's', probability: 1, closeDate: '2027-02-01', expectedStart: '2027-03-01', durationWeeks: 1, status: 'won', updatedAt: ts, roles: [{ id: 'R1', skill: 'java', minLevel: 3, hoursPerWeek: 30 }] },
  ],
};

function busyWith(hours: number): string {
  const { problem, context } = buildProblem(scenario, { from: '2027-03-01', weeks: 1 });
  const line = context.lineIndex.get('R1')!;
  const occupancy = occupancyOf([{ person: 0, line, week: 0, hours }], problem.weeks.length);
  return busyText(context, occupancy, 0, line, 0);
}

describe('busyText on the short line itself', () => {
  it('says "its weekly cap" only when the person works the line\'s full hoursPerWeek', () => {
    expect(busyWith(30)).toBe('Ann Lee: 30 h on this line (its weekly cap)');
  });

  it('does not claim the weekly cap when the person works fewer hours than the line allows', () => {
    expect(busyWith(12)).toBe('Ann Lee: 12 h on this line');
  });

  it('treats hours within 1e-6 of the cap as at the cap', () => {
    expect(onThisLineText(30 - 1e-7, 30)).toContain('(its weekly cap)');
    expect(onThisLineText(29.9, 30)).not.toContain('weekly cap');
  });
});
