/** A plan that fails the independent checker: always a solver bug, so it is thrown, never returned. */
import type { StaffingPlan } from '../types.js';

export class PlanCheckError extends Error {
  override readonly name = 'PlanCheckError';
  constructor(
    readonly violations: string[],
    readonly plan: StaffingPlan,
  ) {
    super(`the staffing plan failed the independent check (${violations.length} violation(s)): ${violations.slice(0, 5).join('; ')}`);
  }
}
