/**
 * `staffplan estimate <scenario.json> (--opportunity ID | --scope FILE) [--from YYYY-MM-DD] [--weeks N]
 * [--candidates N] [--min-probability P] [--count-requested-pto] [--time-limit S] [--backend highs|jslp|auto]
 * [--currency X] [--target-margin M] [--no-scarcity] [--json] [--out FILE]`: the CRM's estimate of a deal
 * from a scenario file, with the horizon options of every solver command (DESIGN §7). `--from` (snapped
 * back to its Monday; default the deal's expected start) and `--weeks` are the horizon; the candidate
 * starts are its first `--candidates` weeks (default 8), never past its end. No staffing plan is
 * subtracted here (the service subtracts its latest stored plan), so `--min-probability` — which selects
 * the pipeline a plan covers — is checked and echoed but changes nothing in a scenario-file estimate.
 */
import { estimate, type Estimate, type EstimateRequest, type EstimateScope, type Scenario } from '../../../solver/index.js';
import { DEFAULT_WINDOW_WEEKS, horizonWindow, type EstimateControl } from '../../../solver/estimate/index.js';
import { COMMON_OPTIONS, numberIn, parseCommand, readJsonFile, UsageError, type CommonArgs } from '../args.js';
import { emitDocument, num, percent, table } from '../output.js';
import { runCommand } from '../run.js';

export const ESTIMATE_USAGE = `usage: staffplan estimate <scenario.json> (--opportunity ID | --scope SCOPE.json) [--from YYYY-MM-DD]
       [--weeks N horizon weeks] [--candidates N candidate starts (default 8)] [--min-probability P]
       [--count-requested-pto] [--time-limit S] [--backend highs|jslp|auto] [--currency X] [--target-margin M]
       [--no-scarcity] [--json] [--out FILE]`;

const ESTIMATE_OPTIONS = {
  ...COMMON_OPTIONS,
  opportunity: { type: 'string' },
  scope: { type: 'string' },
  candidates: { type: 'string' },
  currency: { type: 'string' },
  'target-margin': { type: 'string' },
  'no-scarcity': { type: 'boolean' },
} as const;

type Values = Record<string, string | boolean | undefined>;

/** The horizon and steering options as given (for the request, the solve and the summary's echo). */
export interface EstimateArgs {
  request: EstimateRequest;
  control: EstimateControl;
  minProbability: number;
}

function backendOf(value: string | undefined): CommonArgs['backend'] {
  if (value === undefined || value === 'highs' || value === 'jslp' || value === 'auto') return value;
  throw new UsageError(`--backend must be highs, jslp or auto, got ${JSON.stringify(value)}`);
}

function isoDateOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--from must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** --from/--weeks/--candidates as the request's candidate window (absent options leave the solver's defaults). */
function windowOf(values: Values): EstimateRequest['window'] {
  const from = isoDateOf(values.from as string | undefined);
  const weeks = numberIn(values.weeks as string | undefined, '--weeks', 1, 520, true);
  const candidates = numberIn(values.candidates as string | undefined, '--candidates', 1, 52, true);
  if (from === undefined && weeks === undefined && candidates === undefined) return undefined;
  return horizonWindow({ from, weeks }, candidates ?? DEFAULT_WINDOW_WEEKS);
}

export async function estimateArgs(values: Values): Promise<EstimateArgs> {
  const opportunityId = values.opportunity as string | undefined;
  const scopeFile = values.scope as string | undefined;
  if ((opportunityId === undefined) === (scopeFile === undefined)) throw new UsageError('give exactly one of --opportunity ID or --scope FILE');
  const window = windowOf(values);
  const targetMargin = values['target-margin'] === undefined ? undefined : Number(values['target-margin']);
  if (targetMargin !== undefined && Number.isNaN(targetMargin)) throw new UsageError(`--target-margin must be a number, got ${JSON.stringify(values['target-margin'])}`);
  const backend = backendOf(values.backend as string | undefined);
  const timeLimitSeconds = numberIn(values['time-limit'] as string | undefined, '--time-limit', 0.001, 86_400);
  const request: EstimateRequest = {
    ...(opportunityId !== undefined ? { opportunityId } : { scope: (await readJsonFile(scopeFile!, 'scope')) as EstimateScope }),
    ...(window !== undefined ? { window } : {}),
    ...(values.currency !== undefined ? { currency: values.currency as string } : {}),
    ...(targetMargin !== undefined ? { targetMargin } : {}),
    countRequestedPto: values['count-requested-pto'] === true,
    includeScarcity: values['no-scarcity'] !== true,
    ...(backend !== undefined ? { backend } : {}),
  };
  return {
    request,
    control: timeLimitSeconds !== undefined ? { timeLimitSeconds } : {},
    minProbability: numberIn(values['min-probability'] as string | undefined, '--min-probability', 0, 1) ?? 0,
  };
}

function money(value: number, currency: string): string {
  return `${num(value, 2)} ${currency}`;
}

/** The readable summary: headline numbers, the team mix, the candidate starts, scarcity. */
export function estimateSummary(result: Estimate): string {
  const c = result.currency;
  const out = [
    `Estimate ${result.estimateId}${result.opportunityId ? ` for ${result.opportunityId}` : ''} starting ${result.start}`,
    `  cost ${money(result.totalCost, c)}, price ${money(result.totalPrice, c)} (${result.pricing}), margin ${percent(result.margin, 1)}`,
    `  earliest start ${result.earliestStart ?? 'none in the window'} (employees ≥ ${percent(result.minEmployeeShare, 1)}), confidence ${percent(result.confidence, 1)}`,
    '',
    table(
      ['line', 'skill', 'level', 'staffed by', 'hours', 'cost rate', 'cost', 'bill rate', 'price'],
      result.lines.map((l) => [l.lineId, l.skill, String(l.level), l.employeeName ?? l.employeeId ?? l.staffedBy, num(l.hours), num(l.costRate, 2), num(l.cost, 2), num(l.billRate, 2), num(l.price, 2)]),
    ),
    table(['candidate start', 'employee share', 'cost', 'price'], result.options.map((o) => [o.start, percent(o.employeeShare, 1), num(o.totalCost, 2), num(o.totalPrice, 2)])),
  ];
  if (result.scarcity) {
    out.push(table(['skill', 'weeks', 'scarce weeks', `shadow price/h (${c})`], result.scarcity.skills.map((s) => [s.skill, String(s.weeks), String(s.scarceWeeks), num(s.shadowPricePerHour, 2)])));
    out.push(`Scarcity-adjusted cost ${money(result.scarcity.scarcityAdjustedCost, c)}; price at ${percent(result.scarcity.targetMargin, 1)} margin ${money(result.scarcity.priceAtTargetMargin, c)} (premium ${money(result.scarcity.premium, c)})\n`);
  }
  return out.join('\n');
}

/** The options the estimate ran with, echoed under the summary. */
function optionsEcho(args: EstimateArgs): string {
  const r = args.request;
  return [
    `  window ${r.window?.from ?? 'expected start'}, ${r.window?.weeks ?? DEFAULT_WINDOW_WEEKS} candidate weeks; min probability ${args.minProbability} (no stored plan in a scenario file)`,
    `  requested PTO ${r.countRequestedPto ? 'counted' : 'not counted'}; backend ${r.backend ?? 'auto'}${args.control.timeLimitSeconds !== undefined ? `; time limit ${args.control.timeLimitSeconds} s` : ''}`,
    '',
  ].join('\n');
}

export async function estimateCommand(argv: string[]): Promise<number> {
  return runCommand('estimate', ESTIMATE_USAGE, async () => {
    const { values, positionals } = parseCommand(argv, ESTIMATE_OPTIONS);
    if (values.help === true) {
      process.stdout.write(`${ESTIMATE_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <scenario.json>' : `unexpected arguments: ${positionals.slice(1).join(' ')}`);
    const args = await estimateArgs(values);
    const scenario = (await readJsonFile(positionals[0], 'scenario')) as Scenario;
    const result = await estimate(scenario, args.request, args.control);
    const json = values.json === true;
    await emitDocument(result, { json, out: values.out as string | undefined });
    if (!json) process.stdout.write(estimateSummary(result) + optionsEcho(args) + (values.out ? `Full estimate written to ${values.out}\n` : ''));
    return 0;
  });
}
