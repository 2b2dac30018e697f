/**
 * `staffplan forecast <scenario.json> --from YYYY-MM-DD [--weeks N] [--min-probability P]
 * [--count-requested-pto] [--bucket week|month] [--include-leads] [--crm-horizon-weeks N] [--time-limit S]
 * [--backend highs|jslp] [--json] [--out FILE]`: supply vs demand per skill × location.
 */
import { capacityForecast } from '../../../solver/index.js';
import type { Scenario } from '../../../solver/types.js';
import { COMMON_OPTIONS, commonArgs, parseCommand, readJsonFile, UsageError, numberIn } from '../args.js';
import { forecastSummary } from '../forecast-summary.js';
import { emitDocument, progressBar } from '../output.js';
import { runCommand } from '../run.js';

export const FORECAST_USAGE = `usage: staffplan forecast <scenario.json> --from YYYY-MM-DD [--weeks N (default 26)] [--min-probability P]
       [--count-requested-pto] [--bucket week|month] [--include-leads] [--crm-horizon-weeks N] [--time-limit S] [--backend highs|jslp|auto]
       [--json] [--out FILE]`;

const FORECAST_OPTIONS = { ...COMMON_OPTIONS, bucket: { type: 'string' }, 'include-leads': { type: 'boolean' }, 'crm-horizon-weeks': { type: 'string' } } as const;

function bucketOf(value: unknown): 'week' | 'month' {
  if (value === undefined || value === 'week' || value === 'month') return (value ?? 'week') as 'week' | 'month';
  throw new UsageError(`--bucket must be week or month, got ${JSON.stringify(value)}`);
}

export async function forecastCommand(argv: string[]): Promise<number> {
  return runCommand('forecast', FORECAST_USAGE, async () => {
    const { values, positionals } = parseCommand(argv, FORECAST_OPTIONS);
    const args = commonArgs(values, positionals);
    if (args.help) {
      process.stdout.write(`${FORECAST_USAGE}\n`);
      return 0;
    }
    const bucket = bucketOf(values.bucket);
    const crmHorizonWeeks = numberIn(values['crm-horizon-weeks'] as string | undefined, '--crm-horizon-weeks', 0, 520, true);
    const scenario = (await readJsonFile(args.scenarioFile, 'scenario')) as Scenario;
    const bar = progressBar();
    try {
      const forecast = await capacityForecast(scenario, { from: args.from, weeks: args.weeks }, {
        minProbability: args.minProbability,
        countRequestedPto: args.countRequestedPto,
        bucket,
        includeLeadForecasts: values['include-leads'] === true,
        crmHorizonWeeks,
        timeLimitSeconds: args.timeLimitSeconds,
        backend: args.backend,
        onProgress: bar.onProgress,
      });
      bar.done();
      await emitDocument(forecast, args);
      if (!args.json) process.stdout.write(forecastSummary(forecast) + (args.out ? `Full forecast written to ${args.out}\n` : ''));
      return 0;
    } finally {
      bar.done();
    }
  });
}
