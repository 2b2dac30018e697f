/**
 * `staffplan hiring <scenario.json> --from YYYY-MM-DD [--weeks N] [--min-probability P]
 * [--count-requested-pto] [--no-leads] [--crm-horizon-weeks N] [--time-limit S] [--backend highs|jslp|auto] [--csv] [--json]
 * [--out FILE]`: HR's hiring signals (hire / contract / reskill) and the in-demand skills.
 * `--csv` prints (or writes with --out) the signals as CSV instead of JSON.
 */
import { writeFile } from 'node:fs/promises';
import { hiringForecast, hiringSignalsCsv, type HiringForecast, type Scenario } from '../../../solver/index.js';
import { COMMON_OPTIONS, commonArgs, parseCommand, readJsonFile, numberIn } from '../args.js';
import { emitDocument, num, percent, table } from '../output.js';
import { runCommand } from '../run.js';

export const HIRING_USAGE = `usage: staffplan hiring <scenario.json> --from YYYY-MM-DD [--weeks N (default 26)] [--min-probability P]
       [--count-requested-pto] [--no-leads] [--crm-horizon-weeks N] [--time-limit S] [--backend highs|jslp|auto] [--csv] [--json] [--out FILE]`;

const HIRING_OPTIONS = { ...COMMON_OPTIONS, csv: { type: 'boolean' }, 'no-leads': { type: 'boolean' }, 'crm-horizon-weeks': { type: 'string' } } as const;

/** The readable summary: signals by needed-by date, then the in-demand skills. */
export function hiringSummary(forecast: HiringForecast): string {
  const signals = table(
    ['needed by', 'action', 'skill', 'location', 'FTE', 'first short week', 'weeks', 'confidence', 'utilization'],
    forecast.signals.map((s) => [s.neededBy, s.action, s.skill, s.location, num(s.fte, 2), s.firstShortWeek, String(s.shortageWeeks), percent(s.confidence, 1), percent(s.expectedUtilization, 1)]),
  );
  const skills = table(
    ['skill', 'shortage h', `revenue at stake (${forecast.baseCurrency})`, 'rank (hours)', 'rank (revenue)'],
    forecast.inDemandSkills.map((s) => [s.skill, num(s.shortageHours), num(s.revenueAtStake, 0), String(s.rankByShortage), String(s.rankByRevenue)]),
  );
  const t = forecast.totals;
  return [
    `Hiring forecast ${forecast.horizon.from} + ${forecast.horizon.weeks} weeks: ${forecast.signals.length} signals — hire ${num(t.hireFte, 2)} FTE, contract ${num(t.contractHours)} h, reskill ${num(t.reskillPeople, 2)} people; ${num(t.unmetHours)} h no action can reach in time`,
    '',
    signals,
    'In-demand skills',
    skills,
  ].join('\n');
}

export async function hiringCommand(argv: string[]): Promise<number> {
  return runCommand('hiring', HIRING_USAGE, async () => {
    const { values, positionals } = parseCommand(argv, HIRING_OPTIONS);
    const args = commonArgs(values, positionals);
    if (args.help) {
      process.stdout.write(`${HIRING_USAGE}\n`);
      return 0;
    }
    const crmHorizonWeeks = numberIn(values['crm-horizon-weeks'] as string | undefined, '--crm-horizon-weeks', 0, 520, true);
    const scenario = (await readJsonFile(args.scenarioFile, 'scenario')) as Scenario;
    const forecast = await hiringForecast(scenario, { from: args.from, weeks: args.weeks }, {
      minProbability: args.minProbability,
      countRequestedPto: args.countRequestedPto,
      includeLeadForecasts: values['no-leads'] !== true,
      crmHorizonWeeks,
      timeLimitSeconds: args.timeLimitSeconds,
      backend: args.backend,
    });
    if (values.csv === true) {
      const csv = hiringSignalsCsv(forecast);
      if (args.out) await writeFile(args.out, csv, 'utf8');
      else process.stdout.write(csv);
      return 0;
    }
    await emitDocument(forecast, args);
    if (!args.json) process.stdout.write(hiringSummary(forecast) + (args.out ? `Full forecast written to ${args.out}\n` : ''));
    return 0;
  });
}
