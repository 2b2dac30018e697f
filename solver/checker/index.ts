/**
 * The independent plan checker: every rule of DESIGN.md §1 and §7 re-derived from the scenario, with
 * no code shared with the solver's path. Every violation is reported with names and numbers.
 */
import type { Scenario, StaffingPlan } from '../types.js';
import { checkAssignmentRows, checkEligibility, checkHeadcount, checkLineWeekCap, checkPinned, checkWeeklyCapacity } from './assignmentRules.js';
import { buildCheckContext, type CheckContext, type CheckResult } from './context.js';

export type { CheckResult } from './context.js';
import { checkBoundAndGap, checkChurn, checkCoverage, checkFragmentation, checkMoney, checkObjectiveValue, checkUnmetPenalty } from './objectiveRules.js';
import { checkAvailable, checkHorizon, checkLines, isReadableHorizon } from './planRules.js';
import { checkDemandInput, checkSkippedWarnings, checkWorkingDays } from './scenarioRules.js';
import { checkUnmet } from './unmetRules.js';

const PLAN_RULES: ((ctx: CheckContext) => string[])[] = [
  checkWorkingDays,
  checkDemandInput,
  checkSkippedWarnings,
  checkLines,
  checkAvailable,
  checkAssignmentRows,
  checkEligibility,
  checkLineWeekCap,
  checkWeeklyCapacity,
  checkHeadcount,
  checkPinned,
  checkUnmet,
  checkCoverage,
  checkMoney,
  checkUnmetPenalty,
  checkFragmentation,
  checkChurn,
  checkObjectiveValue,
  checkBoundAndGap,
];

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** One rule's violations; a rule that throws on malformed input is itself a violation, never a crash. */
function runRule(rule: (ctx: CheckContext) => string[], ctx: CheckContext): string[] {
  try {
    return rule(ctx);
  } catch (error) {
    return [`checker: rule ${rule.name} could not check this plan (${messageOf(error)})`];
  }
}

/**
 * Every rule on the plan. Never throws: an unreadable plan or scenario, or any unexpected exception,
 * becomes a violation, so a caller always gets a verdict.
 */
export function checkPlan(scenario: Scenario, plan: StaffingPlan): CheckResult {
  try {
    return checkReadablePlan(scenario, plan);
  } catch (error) {
    return { ok: false, violations: [`checker: the plan could not be checked (${messageOf(error)})`] };
  }
}

function checkReadablePlan(scenario: Scenario, plan: StaffingPlan): CheckResult {
  const horizonViolations = checkHorizon(plan.horizon);
  // Without a readable horizon no week can be named, so the other rules cannot run.
  if (!isReadableHorizon(plan.horizon)) return { ok: false, violations: horizonViolations };
  let ctx: CheckContext;
  try {
    ctx = buildCheckContext(scenario, plan);
  } catch (error) {
    return { ok: false, violations: [...horizonViolations, `scenario: ${(error as Error).message}`] };
  }
  const violations = [...horizonViolations, ...PLAN_RULES.flatMap((rule) => runRule(rule, ctx))];
  return { ok: violations.length === 0, violations };
}

export { checkCapacityForecast } from './capacityForecast.js';
export { availableHoursByEmployee, personCalendar, weekAvailableHours, dayAvailableHours } from './availability.js';
export { expectedLines, type ExpectedLine } from './lines.js';
export { scenarioView, latestById } from './scenarioView.js';
