import { describe, expect, it } from '@jest/globals';
import type { Scenario, ScenarioFilters } from '../types.js';
import { horizonMondays } from './dates.js';
import { expectedLines } from './lines.js';
import { scenarioView } from './scenarioView.js';
import { T0, tinyScenario } from './specWorld.js';

const linesOf = (scenario: Scenario, filters: ScenarioFilters = {}, from = '2027-01-04', weeks = 2) =>
  expectedLines(scenarioView(scenario), horizonMondays(from, weeks), filters);

describe('checker role lines', () => {
  it('lists explicit roles by id and project-type roles as <opportunityId>#<n>, lost deals never', () => {
    expect(linesOf(tinyScenario()).map((line) => [line.lineId, line.probability, line.weeks])).toEqual([
      ['o2#1', 0.5, ['2027-01-11']],
      ['r1', 1, ['2027-01-04', '2027-01-11']],
    ]);
  });

  it('starts a line at the offset week, in the week containing its start, with the role > opportunity > type duration', () => {
    const scenario = tinyScenario();
    scenario.opportunities![1] = { ...scenario.opportunities![1]!, expectedStart: '2027-01-07', durationWeeks: 2 };
    scenario.projectTypes![0]!.roles.push({ skill: 'pm', minLevel: 1, hoursPerWeek: 8, headcount: 2, startOffsetWeeks: 1, durationWeeks: 1 });
    const lines = linesOf(scenario, {}, '2027-01-04', 6);
    expect(lines.find((line) => line.lineId === 'o2#1')).toMatchObject({ start: '2027-01-07', weeks: ['2027-01-04', '2027-01-11'] });
    expect(lines.find((line) => line.lineId === 'o2#2')).toMatchObject({ start: '2027-01-14', weeks: ['2027-01-11'], headcount: 2 });
  });

  it('lists only weeks inside the horizon and drops a line with none there', () => {
    expect(linesOf(tinyScenario(), {}, '2027-01-11', 1).map((line) => [line.lineId, line.weeks])).toEqual([
      ['o2#1', ['2027-01-11']],
      ['r1', ['2027-01-11']],
    ]);
    expect(linesOf(tinyScenario(), {}, '2027-03-01', 4)).toEqual([]);
  });

  it('applies minProbability, the opportunity subset and closingBefore (won work always counts)', () => {
    expect(linesOf(tinyScenario(), { minProbability: 0.6 }).map((line) => line.lineId)).toEqual(['r1']);
    expect(linesOf(tinyScenario(), { opportunityIds: ['o2'] }).map((line) => line.lineId)).toEqual(['o2#1']);
    expect(linesOf(tinyScenario(), { closingBefore: '2027-01-08' }).map((line) => line.lineId)).toEqual(['r1']);
  });

  it('uses the latest version of a duplicated opportunity', () => {
    const scenario = tinyScenario();
    scenario.opportunities!.push({ ...scenario.opportunities![1]!, status: 'lost', updatedAt: '2026-12-02T00:00:00Z' });
    scenario.opportunities!.push({ ...scenario.opportunities![1]!, probability: 0.9, updatedAt: T0 });
    expect(linesOf(scenario).map((line) => line.lineId)).toEqual(['r1']);
  });
});
