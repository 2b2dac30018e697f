/**
 * The scarcity report of an estimate: how scarce its skills are in its window (skill-week shadow prices)
 * and the price that would hold the target margin if the employee hours it takes had to be freed or
 * contracted — the cost of the estimate plus, for each employee hour, its week's shadow price (what the
 * rest of the pipeline pays to replace it). The premium is what that price adds to the list price.
 */
import type { EstimateScarcity, SkillScarcity } from '../estimate/types.js';
import type { PlanLine } from '../types.js';
import type { ShadowPrices } from './shadow-prices.js';

/** A shadow price above this (base per hour) means no free eligible hour is left in that week. */
const SCARCE_PRICE = 0.01;

export interface ScarcityInput {
  lines: PlanLine[];
  /** employeeHours[l][k]: employee hours on line l in its k-th week. */
  employeeHours: Float64Array[];
  prices: ShadowPrices;
  totalCostBase: number;
  totalPriceBase: number;
  targetMargin: number;
  toAnswer: (base: number) => number;
}

function skillReport(skill: string, input: ScarcityInput): SkillScarcity {
  const weeks = new Map<string, number>(); // week → highest shadow price among the skill's lines
  let weightedPrice = 0;
  let hours = 0;
  input.lines.forEach((line, l) => {
    if (line.skill !== skill) return;
    line.weeks.forEach((week, k) => {
      const price = input.prices.scopeLinePrices[l][k];
      weeks.set(week, Math.max(weeks.get(week) ?? 0, price));
      const lineHours = line.hoursPerWeek * line.headcount;
      weightedPrice += price * lineHours;
      hours += lineHours;
    });
  });
  const table = input.prices.skillWeeks.get(skill);
  const weekIndex = new Map(input.prices.weeks.map((week, w) => [week, w] as const));
  let pipeline = 0;
  let available = 0;
  for (const week of weeks.keys()) {
    const w = weekIndex.get(week)!;
    pipeline += table?.pipelineExpected[w] ?? 0;
    available += table?.available[w] ?? 0;
  }
  return {
    skill,
    weeks: weeks.size,
    scarceWeeks: [...weeks.values()].filter((price) => price > SCARCE_PRICE).length,
    shadowPricePerHour: input.toAnswer(hours > 0 ? weightedPrice / hours : 0),
    pipelineExpectedHours: pipeline,
    availableHours: available,
  };
}

/** Shadow cost (base) of the employee hours the estimate takes from the pipeline. */
function shadowCost(input: ScarcityInput): number {
  let cost = 0;
  input.lines.forEach((_, l) => input.employeeHours[l].forEach((hours, k) => (cost += hours * input.prices.scopeLinePrices[l][k])));
  return cost;
}

export function estimateScarcity(input: ScarcityInput): EstimateScarcity {
  const skills = [...new Set(input.lines.map((line) => line.skill))].sort().map((skill) => skillReport(skill, input));
  const adjustedBase = input.totalCostBase + shadowCost(input);
  const priceBase = adjustedBase / (1 - input.targetMargin);
  return {
    skills,
    scarcityAdjustedCost: input.toAnswer(adjustedBase),
    targetMargin: input.targetMargin,
    priceAtTargetMargin: input.toAnswer(priceBase),
    premium: input.toAnswer(Math.max(0, priceBase - input.totalPriceBase)),
    method:
      'skill-week shadow prices: duals of the demand rows of a cost LP over the capacity network (people → skill classes, ' +
      'people free, unmet hours contracted at the contractor rate) on the pipeline expected demand plus this scope; ' +
      'adjusted cost = cost + Σ employee hours × their week\'s shadow price',
  };
}
