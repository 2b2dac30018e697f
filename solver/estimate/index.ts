/**
 * estimate: the CRM's question "what will this deal cost to deliver, at what price, and when can we
 * start?" (issue 5). For each candidate start the cheapest staffing of the scope with the firm's free
 * hours is solved (staffing.ts), contractors fill the rest; the answer describes the earliest start at
 * which employees carry at least minEmployeeShare of the hours (else the best-covered candidate),
 * priced from the rate card or a target margin, in the requested currency, with a scarcity report.
 */
import { createHash } from 'node:crypto';
import { toDayNumber, toIsoDate, mondayOf } from '../calendar/dates.js';
import { roleSpecs } from '../demand/lines.js';
import { moneyContext, costRate, type MoneyContext } from '../money.js';
import { contractorRates } from '../pricing/contractor-rate.js';
import { estimateScarcity } from '../pricing/scarcity.js';
import { skillWeekShadowPrices } from '../pricing/shadow-prices.js';
import { normalizeScenario } from '../scenario.js';
import type { Employee, IsoDate, PlanLine, Scenario } from '../types.js';
import { estimateAssumptions } from './assumptions.js';
import { freeHours, type FreeHours } from './free-hours.js';
import { pricedLines } from './price.js';
import { answerCurrency, candidateStarts, checkedTargetMargin, dealCloseMonday, minEmployeeShare } from './request.js';
import { scopeLines, scopeSource, type ScopeSource } from './scope.js';
import { cheapestStaffing, type StaffingResult } from './staffing.js';
import type { Estimate, EstimateControl, EstimateLine, EstimateOption, EstimateRequest } from './types.js';

export type * from './types.js';
export { redactEstimate } from './redact.js';
export { horizonWindow, DEFAULT_WINDOW_WEEKS } from './request.js';

const HOURS_DECIMALS = 4;
const MONEY_DECIMALS = 2;

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

interface Candidate {
  start: IsoDate;
  lines: PlanLine[];
  staffing: StaffingResult;
  rows: EstimateLine[]; // base currency
  rateCardPrice: number;
  option: EstimateOption; // base currency
}

interface Context {
  normalized: Scenario;
  source: ScopeSource;
  employees: Employee[];
  costRates: Float64Array;
  money: MoneyContext;
  contractorRate: (line: Pick<PlanLine, 'skill' | 'minLevel'>) => number;
  free: FreeHours;
  targetMargin?: number;
  share: number;
  countRequestedPto: boolean;
  /** The answer currency: its rate card is preferred when pricing (solver/money.ts CardPreference). */
  quoteCurrency: string;
}

/** The weeks from the first candidate's Monday to the last week any candidate's lines reach. */
function availabilityHorizon(source: ScopeSource, scenario: Scenario, starts: IsoDate[]) {
  const last = scopeLines(source, scenario, starts[starts.length - 1]);
  const first = mondayOf(toDayNumber(starts[0]));
  const end = Math.max(...last.flatMap((line) => line.weeks.map((week) => toDayNumber(week))));
  return { from: toIsoDate(first), weeks: Math.max(1, (end - first) / 7 + 1) };
}

function requestId(request: EstimateRequest): string {
  const { plannedAssignments, estimateId, ...rest } = request;
  const digest = createHash('sha256').update(JSON.stringify({ ...rest, plannedAssignments: plannedAssignments?.length ?? 0 })).digest('hex');
  return estimateId ?? `est_${digest.slice(0, 20)}`;
}

async function solveCandidate(ctx: Context, start: IsoDate, backend: EstimateRequest['backend'], timeLimitSeconds?: number, seatedLineIds?: ReadonlySet<string>): Promise<Candidate> {
  const lines = scopeLines(ctx.source, ctx.normalized, start);
  const staffing = await cheapestStaffing({ lines, employees: ctx.employees, costRates: ctx.costRates, free: ctx.free.free, weekIndex: ctx.free.weekIndex, contractorRate: ctx.contractorRate, backend, timeLimitSeconds, seatedLineIds });
  const { rows, rateCardPrice } = pricedLines(lines, staffing.staffed, { money: ctx.money, employees: ctx.employees, costRates: ctx.costRates, contractorRate: ctx.contractorRate, targetMargin: ctx.targetMargin, quoteCurrency: ctx.quoteCurrency });
  const hours = lines.reduce((sum, line) => sum + line.hoursPerWeek * line.headcount * line.weeks.length, 0);
  const employeeHours = rows.filter((r) => r.staffedBy === 'employee').reduce((sum, r) => sum + r.hours, 0);
  const employeeShare = hours > 0 ? employeeHours / hours : 0;
  const option: EstimateOption = {
    start,
    hours,
    employeeHours,
    contractorHours: hours - employeeHours,
    employeeShare,
    totalCost: rows.reduce((sum, r) => sum + r.cost, 0),
    totalPrice: rows.reduce((sum, r) => sum + r.price, 0),
    meetsEmployeeShare: employeeShare >= ctx.share - 1e-9,
  };
  return { start, lines, staffing, rows, rateCardPrice, option };
}

/** The earliest candidate meeting the share; else the highest share, then the lowest cost, then the earliest. */
function headline(candidates: Candidate[]): Candidate {
  const meeting = candidates.find((c) => c.option.meetsEmployeeShare);
  if (meeting) return meeting;
  return [...candidates].sort((a, b) => b.option.employeeShare - a.option.employeeShare || a.option.totalCost - b.option.totalCost || (a.start < b.start ? -1 : 1))[0];
}

function convertLine(row: EstimateLine, toAnswer: (base: number) => number): EstimateLine {
  return { ...row, hours: round(row.hours, HOURS_DECIMALS), costRate: round(toAnswer(row.costRate), MONEY_DECIMALS), cost: round(toAnswer(row.cost), MONEY_DECIMALS), billRate: round(toAnswer(row.billRate), MONEY_DECIMALS), price: round(toAnswer(row.price), MONEY_DECIMALS) };
}

function convertOption(option: EstimateOption, toAnswer: (base: number) => number): EstimateOption {
  return { ...option, hours: round(option.hours, HOURS_DECIMALS), employeeHours: round(option.employeeHours, HOURS_DECIMALS), contractorHours: round(option.contractorHours, HOURS_DECIMALS), employeeShare: round(option.employeeShare, 6), totalCost: round(toAnswer(option.totalCost), MONEY_DECIMALS), totalPrice: round(toAnswer(option.totalPrice), MONEY_DECIMALS) };
}

function buildContext(scenario: Scenario, request: EstimateRequest, starts: IsoDate[], source: ScopeSource, quoteCurrency: string): Context {
  const normalized = normalizeScenario(scenario);
  const money = moneyContext(normalized);
  const employees = normalized.employees ?? [];
  const costRates = Float64Array.from(employees, (e) => costRate(e, money));
  const rates = contractorRates(employees, money, normalized.hiringPolicy);
  const ownLineIds = new Set(source.opportunityId !== undefined ? roleSpecs(source.opportunity, normalized).map((spec) => spec.lineId) : []);
  const free = freeHours(normalized, availabilityHorizon(source, normalized, starts), { countRequestedPto: request.countRequestedPto, planned: request.plannedAssignments, ownLineIds });
  return {
    normalized, source, employees, costRates, money, free,
    contractorRate: (line) => rates(line.skill, line.minLevel).ratePerHour,
    targetMargin: checkedTargetMargin(request.targetMargin),
    share: minEmployeeShare(normalized.hiringPolicy?.minEmployeeShare),
    countRequestedPto: request.countRequestedPto ?? false,
    quoteCurrency,
  };
}

/** Share of the progress bar the candidate starts take; scarcity and pricing take the rest. */
const CANDIDATES_SHARE = 90;
/** A candidate's MIP always gets at least this, even when the caller's limit is nearly spent. */
const MIN_CANDIDATE_SECONDS = 0.2;

/**
 * Solves the candidate starts in order until all are done, the caller asks to stop, or its time limit is
 * spent; the first candidate is always solved so there is an answer. `ended` says why it ended early.
 */
async function solveCandidates(ctx: Context, starts: IsoDate[], request: EstimateRequest, control: EstimateControl, started: number): Promise<{ candidates: Candidate[]; ended: 'stopped' | 'timedout' | null }> {
  const deadline = control.timeLimitSeconds === undefined ? Infinity : started + control.timeLimitSeconds * 1000;
  const candidates: Candidate[] = [];
  for (const start of starts) {
    if (candidates.length > 0 && control.shouldStop?.()) return { candidates, ended: 'stopped' };
    if (candidates.length > 0 && Date.now() >= deadline) return { candidates, ended: 'timedout' };
    const left = deadline === Infinity ? undefined : Math.max(MIN_CANDIDATE_SECONDS, (deadline - Date.now()) / 1000);
    // The lines that needed seats at the previous start usually need them again: seat them up front.
    candidates.push(await solveCandidate(ctx, start, request.backend, left, candidates[candidates.length - 1]?.staffing.seatedLineIds));
    control.onProgress?.({ phase: 'candidates', percent: Math.floor((CANDIDATES_SHARE * candidates.length) / starts.length) });
  }
  return { candidates, ended: null };
}

export async function estimate(scenario: Scenario, request: EstimateRequest, control: EstimateControl = {}): Promise<Estimate> {
  const started = Date.now();
  const normalized = normalizeScenario(scenario);
  const source = scopeSource(normalized, request);
  checkedTargetMargin(request.targetMargin);
  const { currency, rateToBase } = answerCurrency(request.currency, source.currency, moneyContext(normalized));
  const notBefore = source.opportunityId !== undefined ? dealCloseMonday(source.opportunity.closeDate) : undefined;
  const starts = candidateStarts(request, source.opportunity.expectedStart, notBefore);
  const ctx = buildContext(normalized, request, starts, source, currency);
  const toAnswer = (base: number) => base / rateToBase;
  const { candidates, ended } = await solveCandidates(ctx, starts, request, control, started);
  const chosen = headline(candidates);
  const totalCost = chosen.option.totalCost;
  const totalPrice = chosen.option.totalPrice;
  const margin = totalPrice > 0 ? (totalPrice - totalCost) / totalPrice : 0;
  const scarcity = request.includeScarcity === false ? undefined : await scarcityOf(ctx, chosen, margin, toAnswer);
  const earliest = candidates.find((c) => c.option.meetsEmployeeShare);
  control.onProgress?.({ phase: 'pricing', percent: 100 });
  return {
    estimateId: requestId(request),
    ...(source.opportunityId !== undefined ? { opportunityId: source.opportunityId } : {}),
    currency,
    baseCurrency: ctx.money.baseCurrency,
    exchangeRate: rateToBase,
    start: chosen.start,
    lines: chosen.rows.map((row) => convertLine(row, toAnswer)),
    totalHours: round(chosen.option.hours, HOURS_DECIMALS),
    employeeHours: round(chosen.option.employeeHours, HOURS_DECIMALS),
    contractorHours: round(chosen.option.contractorHours, HOURS_DECIMALS),
    totalCost: round(toAnswer(totalCost), MONEY_DECIMALS),
    totalPrice: round(toAnswer(totalPrice), MONEY_DECIMALS),
    rateCardPrice: round(toAnswer(chosen.rateCardPrice), MONEY_DECIMALS),
    margin: round(margin, 6),
    earliestStart: earliest?.start ?? null,
    confidence: round(chosen.option.employeeShare, 6),
    minEmployeeShare: ctx.share,
    pricing: ctx.targetMargin === undefined ? 'rate-card' : 'target-margin',
    ...(ctx.targetMargin !== undefined ? { targetMargin: ctx.targetMargin } : {}),
    options: candidates.map((c) => convertOption(c.option, toAnswer)),
    ...(scarcity ? { scarcity } : {}),
    assumptions: estimateAssumptions({ ctx, starts: candidates.map((c) => c.start), chosen: chosen.start, lines: chosen.lines, currency, rateToBase, request, ...(notBefore !== undefined ? { notBefore } : {}) }),
    solver: { backend: [...new Set(candidates.map((c) => c.staffing.backend))].sort().join('+'), status: ended ?? worstStatus(candidates), timeMs: Date.now() - started },
  };
}

function worstStatus(candidates: Candidate[]): string {
  const statuses = candidates.map((c) => c.staffing.status);
  return statuses.find((s) => s !== 'optimal') ?? 'optimal';
}

async function scarcityOf(ctx: Context, chosen: Candidate, margin: number, toAnswer: (base: number) => number) {
  const weeks = [...new Set(chosen.lines.flatMap((line) => line.weeks))].sort();
  const first = toDayNumber(weeks[0]);
  const horizon = { from: weeks[0], weeks: (toDayNumber(weeks[weeks.length - 1]) - first) / 7 + 1 };
  const prices = await skillWeekShadowPrices({
    scenario: ctx.normalized,
    horizon,
    scopeLines: chosen.lines,
    excludeOpportunityId: ctx.source.opportunityId,
    countRequestedPto: ctx.countRequestedPto,
    contractorRate: (skill, minLevel) => ctx.contractorRate({ skill, minLevel }),
  });
  const report = estimateScarcity({
    lines: chosen.lines,
    employeeHours: chosen.staffing.employeeHours,
    prices,
    totalCostBase: chosen.option.totalCost,
    totalPriceBase: chosen.option.totalPrice,
    targetMargin: ctx.targetMargin ?? Math.min(Math.max(margin, 0), 0.95),
    toAnswer,
  });
  return {
    ...report,
    skills: report.skills.map((s) => ({ ...s, shadowPricePerHour: round(s.shadowPricePerHour, MONEY_DECIMALS), pipelineExpectedHours: round(s.pipelineExpectedHours, HOURS_DECIMALS), availableHours: round(s.availableHours, HOURS_DECIMALS) })),
    scarcityAdjustedCost: round(report.scarcityAdjustedCost, MONEY_DECIMALS),
    targetMargin: round(report.targetMargin, 6),
    priceAtTargetMargin: round(report.priceAtTargetMargin, MONEY_DECIMALS),
    premium: round(report.premium, MONEY_DECIMALS),
  };
}
