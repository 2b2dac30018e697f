/**
 * Scenario input the solver rejects or leaves out, re-derived for the checker: a person with no working
 * day, line durations that are not whole numbers, a role line id used twice (all reported as
 * violations, since the solver refuses them), and opportunities that cannot be expanded into role lines,
 * which the plan must skip and name in its `warnings`.
 */
import type { CheckContext } from './context.js';

/** Everyone needs at least one working day (an absent list means Monday-Friday). */
export function checkWorkingDays(ctx: CheckContext): string[] {
  return ctx.view.employees
    .filter((employee) => Array.isArray(employee.workingDays) && employee.workingDays.length === 0)
    .map((employee) => `scenario: employee ${employee.name} (${employee.id}) has no working day (workingDays is empty)`);
}

/** Fractional or negative durations and repeated line ids found while expanding the demand. */
export function checkDemandInput(ctx: CheckContext): string[] {
  return [...ctx.demand.problems];
}

const SKIPPED_WARNING = /^opportunity (.+?) skipped: /;

/** The plan's warnings name exactly the opportunities that cannot be expanded, once each. */
export function checkSkippedWarnings(ctx: CheckContext): string[] {
  const expected = new Set(ctx.demand.skipped.map((skipped) => skipped.opportunityId));
  const reported = new Map<string, number>();
  for (const warning of ctx.plan.warnings ?? []) {
    const id = SKIPPED_WARNING.exec(warning)?.[1];
    if (id !== undefined) reported.set(id, (reported.get(id) ?? 0) + 1);
  }
  const violations: string[] = [];
  for (const skipped of ctx.demand.skipped) {
    const count = reported.get(skipped.opportunityId) ?? 0;
    if (count === 0) violations.push(`warnings: opportunity ${skipped.opportunityId} cannot be expanded (${skipped.reason}) but the plan does not report it skipped`);
    if (count > 1) violations.push(`warnings: opportunity ${skipped.opportunityId} is reported skipped ${count} times`);
  }
  for (const id of [...reported.keys()].sort()) {
    if (!expected.has(id)) violations.push(`warnings: opportunity ${id} is reported skipped but it can be expanded (or is lost or filtered out)`);
  }
  return violations;
}
