/**
 * `staffplan plan <scenario.json> --from YYYY-MM-DD [--weeks N] [--min-probability P]
 * [--count-requested-pto] [--pins FILE] [--previous PLAN.json] [--time-limit S] [--backend highs|jslp]
 * [--json] [--out FILE]`: solves a staffing plan from a scenario file, no server needed.
 */
import { planStaffing } from '../../../solver/index.js';
import type { PlanAssignment, Scenario } from '../../../solver/types.js';
import { COMMON_OPTIONS, commonArgs, parseCommand, readJsonFile, UsageError } from '../args.js';
import { emitDocument, progressBar } from '../output.js';
import { planSummary } from '../plan-summary.js';
import { runCommand } from '../run.js';

export const PLAN_USAGE = `usage: staffplan plan <scenario.json> --from YYYY-MM-DD [--weeks N (default 26)] [--min-probability P]
       [--count-requested-pto] [--pins FILE] [--previous PLAN.json] [--time-limit S] [--backend highs|jslp|auto]
       [--json] [--out FILE]`;

const PLAN_OPTIONS = { ...COMMON_OPTIONS, pins: { type: 'string' }, previous: { type: 'string' } } as const;

/** Pins: a JSON array of assignments, or an object with `pinned` or `assignments`. */
export function pinsFrom(json: unknown, file: string): PlanAssignment[] {
  const list = Array.isArray(json) ? json : (json as { pinned?: unknown; assignments?: unknown } | null)?.pinned ?? (json as { assignments?: unknown } | null)?.assignments;
  if (!Array.isArray(list)) throw new UsageError(`--pins ${file} must hold an array of {employeeId, lineId, week, hours} (or {"pinned": [...]})`);
  return list as PlanAssignment[];
}

/** A previous plan: a staffing-plan document (or anything with an `assignments` array). */
export function previousFrom(json: unknown, file: string): { assignments: PlanAssignment[] } {
  const assignments = (json as { assignments?: unknown } | null)?.assignments;
  if (!Array.isArray(assignments)) throw new UsageError(`--previous ${file} must be a plan document with an "assignments" array`);
  return { assignments: assignments as PlanAssignment[] };
}

export async function planCommand(argv: string[]): Promise<number> {
  return runCommand('plan', PLAN_USAGE, async () => {
    const { values, positionals } = parseCommand(argv, PLAN_OPTIONS);
    const args = commonArgs(values, positionals);
    if (args.help) {
      process.stdout.write(`${PLAN_USAGE}\n`);
      return 0;
    }
    const scenario = (await readJsonFile(args.scenarioFile, 'scenario')) as Scenario;
    const pinned = typeof values.pins === 'string' ? pinsFrom(await readJsonFile(values.pins, '--pins file'), values.pins) : undefined;
    const previousPlan = typeof values.previous === 'string' ? previousFrom(await readJsonFile(values.previous, '--previous plan'), values.previous) : undefined;
    const bar = progressBar();
    try {
      const plan = await planStaffing(scenario, { from: args.from, weeks: args.weeks }, {
        minProbability: args.minProbability,
        countRequestedPto: args.countRequestedPto,
        pinned,
        previousPlan,
        timeLimitSeconds: args.timeLimitSeconds,
        backend: args.backend,
        onProgress: bar.onProgress,
      });
      bar.done();
      await emitDocument(plan, args);
      if (!args.json) process.stdout.write(planSummary(plan) + (args.out ? `Full plan written to ${args.out}\n` : ''));
      return 0;
    } finally {
      bar.done();
    }
  });
}
