/** The assumptions an estimate states in words, so the CRM user can read what the numbers rest on. */
import { contractorRates } from '../pricing/contractor-rate.js';
import type { IsoDate, PlanLine } from '../types.js';
import type { EstimateRequest } from './types.js';

interface AssumptionInput {
  ctx: {
    normalized: { hiringPolicy?: { contractorRateMultiplier: number }; employees?: import('../types.js').Employee[]; exchangeRates?: { currency: string; asOf: string }[] };
    money: import('../money.js').MoneyContext;
    share: number;
    targetMargin?: number;
    countRequestedPto: boolean;
  };
  starts: IsoDate[];
  chosen: IsoDate;
  lines: PlanLine[];
  currency: string;
  rateToBase: number;
  request: EstimateRequest;
  /** For an opportunity: the Monday of its close date, before which no candidate starts. */
  notBefore?: IsoDate;
}

function fmt(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

function contractorAssumptions(input: AssumptionInput): string[] {
  const rates = contractorRates(input.ctx.normalized.employees ?? [], input.ctx.money, input.ctx.normalized.hiringPolicy as never);
  const multiplier = input.ctx.normalized.hiringPolicy?.contractorRateMultiplier;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of input.lines) {
    const key = `${line.skill}/${line.minLevel}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rate = rates(line.skill, line.minLevel);
    out.push(`Contractor ${line.skill} (level ≥ ${line.minLevel}) costs ${fmt(rate.ratePerHour / input.rateToBase)} ${input.currency}/h = ${multiplier ?? 'default'} × ${fmt(rate.referenceCost / input.rateToBase)} (${rate.basis.replaceAll('-', ' ')}).`);
  }
  return out;
}

function startFloorAssumption(input: AssumptionInput): string {
  const asked = input.request.window?.from;
  if (input.notBefore === undefined) return `Inline scope: candidates start at ${asked !== undefined ? 'window.from' : 'its expectedStart'} (no close date to wait for).`;
  const moved = asked !== undefined && asked < input.notBefore ? ` (window.from ${asked} is earlier, so the window starts there)` : '';
  return `No candidate starts before the deal closes: the Monday of its close date, ${input.notBefore}${moved}.`;
}

export function estimateAssumptions(input: AssumptionInput): string[] {
  const { ctx, request } = input;
  const planned = request.plannedAssignments?.length ?? 0;
  const rates = (ctx.normalized.exchangeRates ?? []).map((r) => `${r.currency} ${ctx.money.rateToBase.get(r.currency)} (as of ${r.asOf})`).join(', ');
  return [
    `Candidate starts: ${input.starts[0]} and every 7 days after, ${input.starts.length} in all; lines and totals describe ${input.chosen} (the earliest start where employees cover ≥ ${ctx.share * 100} % of the hours, else the best-covered candidate).`,
    startFloorAssumption(input),
    'Hours are the full scope (win probability is not applied): an estimate prices delivering the deal.',
    `Free hours = calendar available hours (holidays, approved PTO${ctx.countRequestedPto ? ', requested PTO' : ''}, current assignments) minus ${planned > 0 ? `the ${planned} assignment rows of the staffing plan given (this deal's own rows excepted)` : 'nothing else (no staffing plan given)'}; other open pipeline deals do not reserve hours.`,
    'Staffing: a MIP per candidate start — every free hour of an eligible employee is used before a contractor hour, then the lowest cost; at most headcount employees per line, each within the line\'s weekly hours and their own free hours; contractors top up hour by hour.',
    ...contractorAssumptions(input),
    `Bill rates: an employee bills the rate card of their level in the line's skill (nearest level below; none → 0); a contractor bills the card of the line's minimum level (nearest below, else nearest above); where a level has cards in several currencies the ${input.currency} card is used, else the base ${ctx.money.baseCurrency} card, else the lowest currency code, converted.`,
    ctx.targetMargin === undefined ? 'Price = hours × bill rate (rate card).' : `Price = cost / (1 − ${ctx.targetMargin}) per line (target margin); rateCardPrice shows the list price of the same staffing.`,
    `Money in ${input.currency}: base ${ctx.money.baseCurrency} amounts ÷ ${input.rateToBase}; rates to base: ${rates || 'none (one currency)'}.`,
  ];
}
