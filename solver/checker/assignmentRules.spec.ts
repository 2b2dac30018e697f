import { describe, expect, it } from '@jest/globals';
import { checkAssignmentRows, checkEligibility, checkHeadcount, checkLineWeekCap, checkPinned, checkWeeklyCapacity } from './assignmentRules.js';
import { buildCheckContext } from './context.js';
import { tinyPlan, tinyScenario } from './specWorld.js';

describe('assignment rules', () => {
  it('checkAssignmentRows: rejects non-positive hours, unknown people and lines, weeks off the line, repeats', () => {
    const plan = tinyPlan();
    plan.assignments.push(
      { employeeId: 'e2', lineId: 'o2#1', week: '2027-01-11', hours: 1 },
      { employeeId: 'e9', lineId: 'r1', week: '2027-01-04', hours: 1 },
      { employeeId: 'e2', lineId: 'o3#1', week: '2027-01-04', hours: 1 },
      { employeeId: 'e2', lineId: 'o2#1', week: '2027-01-04', hours: 0 },
    );
    expect(checkAssignmentRows(buildCheckContext(tinyScenario(), plan))).toEqual([
      'assignments: Bo Diddley (e2) on o2#1 week 2027-01-11 appears more than once',
      'assignments: unknown employee e9 on r1 week 2027-01-04: no such employee',
      'assignments: Bo Diddley (e2) on o3#1 week 2027-01-04: o3#1 is not a planned line',
      'assignments: Bo Diddley (e2) on o2#1 week 2027-01-04 has hours 0, not a positive number',
      'assignments: Bo Diddley (e2) on o2#1 week 2027-01-04: 2027-01-04 is not a week of the line (2027-01-11..2027-01-11)',
    ]);
  });

  it('checkEligibility: names the person, the line, the reason and the weeks', () => {
    const plan = tinyPlan();
    plan.assignments = [{ employeeId: 'e2', lineId: 'r1', week: '2027-01-04', hours: 20 }];
    expect(checkEligibility(buildCheckContext(tinyScenario(), plan))).toEqual([
      'eligibility: Bo Diddley (e2) is not eligible for r1 (holds data-eng at level 2 < minLevel 3) but has hours in 2027-01-04',
    ]);
  });

  it('checkLineWeekCap: a person above the line hoursPerWeek in a week', () => {
    const plan = tinyPlan();
    plan.assignments[2]!.hours = 10.5;
    expect(checkLineWeekCap(buildCheckContext(tinyScenario(), plan))).toEqual([
      'line-week cap: Bo Diddley (e2) has 10.5 h on o2#1 in week 2027-01-11, above its 10 h per week',
    ]);
  });

  it('checkWeeklyCapacity: the sum over lines above the recomputed available hours', () => {
    const scenario = tinyScenario();
    scenario.assignments = [{ id: 'c', employeeId: 'e1', projectId: 'x', start: '2027-01-01', rollOffDate: '2027-01-31', hoursPerWeek: 20, billable: true, updatedAt: '2026-12-01T00:00:00Z' }];
    const plan = tinyPlan();
    expect(checkWeeklyCapacity(buildCheckContext(scenario, plan))).toEqual([]);
    plan.assignments.push({ employeeId: 'e1', lineId: 'o2#1', week: '2027-01-11', hours: 0.5 });
    expect(checkWeeklyCapacity(buildCheckContext(scenario, plan))).toEqual([
      'capacity: Ada Lovelace (e1) has 20.5 h in week 2027-01-11 on o2#1, r1 but only 20 h available',
    ]);
  });

  it('checkHeadcount: more distinct people on a line than its headcount over the plan', () => {
    const plan = tinyPlan();
    plan.assignments.push({ employeeId: 'e1', lineId: 'o2#1', week: '2027-01-11', hours: 1 });
    expect(checkHeadcount(buildCheckContext(tinyScenario(), plan))).toEqual(['headcount: o2#1 has 2 people (e1, e2) but headcount 1']);
  });

  it('checkPinned: a pin missing or with other hours', () => {
    const plan = tinyPlan();
    plan.options.pinned = [
      { employeeId: 'e1', lineId: 'r1', week: '2027-01-04', hours: 15 },
      { employeeId: 'e2', lineId: 'o2#1', week: '2027-01-11', hours: 10 },
      { employeeId: 'e1', lineId: 'o2#1', week: '2027-01-11', hours: 5 },
    ];
    expect(checkPinned(buildCheckContext(tinyScenario(), plan))).toEqual([
      'pinned: Ada Lovelace (e1) on r1 week 2027-01-04 has 20 h, pinned at 15 h',
      'pinned: Ada Lovelace (e1) on o2#1 week 2027-01-11 (5 h) is missing from the plan',
    ]);
  });
});
