/**
 * `staffplan estimate <scenario.json> (--opportunity ID | --scope FILE) [--from YYYY-MM-DD] [--weeks N]
 * [--currency X] [--target-margin M] [--count-requested-pto] [--no-scarcity] [--json] [--out FILE]`:
 * the CRM's estimate of a deal from a scenario file. `--from` is the first candidate start (default the
 * deal's expected start) and `--weeks` the number of weekly candidate starts (default 8). No staffing
 * plan is subtracted here (the service subtracts its latest stored plan).
 */
import { estimate, type Estimate, type EstimateRequest, type EstimateScope, type Scenario } from '../../../solver/index.js';
import { numberIn, parseCommand, readJsonFile, UsageError } from '../args.js';
import { emitDocument, num, percent, table } from '../output.js';
import { runCommand } from '../run.js';

export const ESTIMATE_USAGE = `usage: staffplan estimate <scenario.json> (--opportunity ID | --scope SCOPE.json) [--from YYYY-MM-DD]
       [--weeks N candidate starts (default 8)] [--currency X] [--target-margin M] [--count-requested-pto]
       [--no-scarcity] [--json] [--out FILE]`;

const ESTIMATE_OPTIONS = {
  opportunity: { type: 'string' },
  scope: { type: 'string' },
  from: { type: 'string' },
  weeks: { type: 'string' },
  currency: { type: 'string' },
  'target-margin': { type: 'string' },
  'count-requested-pto': { type: 'boolean' },
  'no-scarcity': { type: 'boolean' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = Record<string, string | boolean | undefined>;

async function requestFrom(values: Values): Promise<EstimateRequest> {
  const opportunityId = values.opportunity as string | undefined;
  const scopeFile = values.scope as string | undefined;
  if ((opportunityId === undefined) === (scopeFile === undefined)) throw new UsageError('give exactly one of --opportunity ID or --scope FILE');
  const weeks = numberIn(values.weeks as string | undefined, '--weeks', 1, 52, true);
  const from = values.from as string | undefined;
  const targetMargin = values['target-margin'] === undefined ? undefined : Number(values['target-margin']);
  if (targetMargin !== undefined && Number.isNaN(targetMargin)) throw new UsageError(`--target-margin must be a number, got ${JSON.stringify(values['target-margin'])}`);
  return {
    ...(opportunityId !== undefined ? { opportunityId } : { scope: (await readJsonFile(scopeFile!, 'scope')) as EstimateScope }),
    ...(from !== undefined || weeks !== undefined ? { window: { ...(from !== undefined ? { from } : {}), ...(weeks !== undefined ? { weeks } : {}) } } : {}),
    ...(values.currency !== undefined ? { currency: values.currency as string } : {}),
    ...(targetMargin !== undefined ? { targetMargin } : {}),
    countRequestedPto: values['count-requested-pto'] === true,
    includeScarcity: values['no-scarcity'] !== true,
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

export async function estimateCommand(argv: string[]): Promise<number> {
  return runCommand('estimate', ESTIMATE_USAGE, async () => {
    const { values, positionals } = parseCommand(argv, ESTIMATE_OPTIONS);
    if (values.help === true) {
      process.stdout.write(`${ESTIMATE_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <scenario.json>' : `unexpected arguments: ${positionals.slice(1).join(' ')}`);
    const request = await requestFrom(values);
    const scenario = (await readJsonFile(positionals[0], 'scenario')) as Scenario;
    const result = await estimate(scenario, request);
    const json = values.json === true;
    await emitDocument(result, { json, out: values.out as string | undefined });
    if (!json) process.stdout.write(estimateSummary(result) + (values.out ? `Full estimate written to ${values.out}\n` : ''));
    return 0;
  });
}
