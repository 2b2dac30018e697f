/**
 * staffplan's solver: the public entry points the service, the CLI and the benchmarks call. Pure
 * TypeScript — no NestJS, TypeORM or BullMQ.
 */
export type * from './types.js';
export { ScenarioError } from './errors.js';
export { normalizeScenario } from './scenario.js';
export { normalizeHorizon, horizonWeeks, weekOf } from './calendar/dates.js';
export { availabilityMatrix, availableHours, calendarContext, weekBreakdown } from './calendar/availability.js';
export type { AvailabilityMatrix, CalendarContext, CalendarOptions, WeekBreakdown } from './calendar/availability.js';
export { demandLines, expandOpportunity, expectedHours, winProbability } from './demand/lines.js';
export { projectedDemandLines, expectedDeals } from './demand/projected.js';
export { isEligible, qualifyingSkill, skillLevel } from './demand/eligibility.js';
export { baseCurrency, billRate, costRate, moneyContext, toBase } from './money.js';
export type { MoneyContext } from './money.js';
export { buildProblem } from './problem.js';
export type { BuildProblemOptions, ProblemContext } from './problem.js';
export { planStaffing, PlanCheckError } from './plan/index.js';
export { capacityForecast } from './forecast/index.js';
export type { ForecastOptions } from './forecast/index.js';
export { estimate, redactEstimate } from './estimate/index.js';
export type { Estimate, EstimateLine, EstimateOption, EstimateRequest, EstimateScope, EstimateScarcity, SkillScarcity } from './estimate/index.js';
export { HiringStoppedError, hiringForecast, hiringSignalsCsv } from './hiring/index.js';
export type { HiringAction, HiringForecast, HiringOptions, HiringSignal, InDemandSkill } from './hiring/index.js';
export { skillWeekShadowPrices } from './pricing/shadow-prices.js';
