/** A plan that fails the independent checker: always a solver bug, so it is thrown, never returned. */
import { CheckError } from '../errors.js';
import type { StaffingPlan } from '../types.js';

export class PlanCheckError extends CheckError<StaffingPlan> {
  override readonly name = 'PlanCheckError';
  constructor(violations: string[], readonly plan: StaffingPlan) {
    super(violations, plan, 'staffing plan');
  }
}
