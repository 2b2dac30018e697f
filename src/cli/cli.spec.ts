import { beforeEach, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CapacityForecast, Scenario, StaffingPlan } from '../../solver/types.js';
import { COMMANDS, main } from './main.js';
import { captureCliOutput } from './test-support.js';

const ts = '2026-01-01T00:00:00Z';
const scenario: Scenario = {
  employees: [{ id: 'ann', name: 'Ann Lee', location: 'UK', timeZone: 'Europe/London', costRate: 50, currency: 'GBP', skills: [{ skill: 'java', level: 4 }], updatedAt: ts }],
  opportunities: [
    {
      id: 'O1', accountId: 'A', name: 'Portal', stage: 's', probability: 0.7, closeDate: '2027-02-01', expectedStart: '2027-03-01', durationWeeks: 2, status: 'open', updatedAt: ts,
      roles: [{ id: 'R1', skill: 'java', minLevel: 3, hoursPerWeek: 30 }, { id: 'R2', skill: 'rust', minLevel: 2, hoursPerWeek: 10 }],
    },
  ],
  rateCards: [{ skill: 'java', level: 4, billRate: 120, currency: 'GBP' }],
};

const cli = captureCliOutput('staffplan-cli-');

beforeEach(async () => {
  await writeFile(join(cli.dir, 'scenario.json'), JSON.stringify(scenario));
});

describe('staffplan CLI', () => {
  it('dispatches plan, forecast and load from one table', () => {
    expect(Object.keys(COMMANDS)).toEqual(expect.arrayContaining(['plan', 'forecast', 'load']));
  });

  it('exits 2 with the usage for no command or an unknown one', async () => {
    expect(await main([])).toBe(2);
    expect(await main(['bogus'])).toBe(2);
    expect(cli.stderr).toMatch(/unknown command "bogus"/);
  });

  it.each([
    [['plan'], /missing <scenario.json>/],
    [['plan', 'x.json'], /--from YYYY-MM-DD is required/],
    [['plan', 'x.json', '--from', '2027-02-30'], /--from must be a date/],
    [['plan', 'x.json', '--from', '2027-03-01', '--weeks', '0'], /--weeks must be a whole number from 1 to 520/],
    [['plan', 'x.json', '--from', '2027-03-01', '--min-probability', '60'], /--min-probability must be a number from 0 to 1/],
    [['plan', 'x.json', '--from', '2027-03-01', '--backend', 'cplex'], /--backend must be highs, jslp or auto/],
    [['plan', 'x.json', '--from', '2027-03-01', '--nope'], /Unknown option '--nope'/],
    [['forecast', 'x.json', '--from', '2027-03-01', '--bucket', 'year'], /--bucket must be week or month/],
    [['forecast', 'x.json', '--from', '2027-03-01', '--crm-horizon-weeks', '2.5'], /--crm-horizon-weeks must be a whole number from 0 to 520/],
    [['plan', 'missing.json', '--from', '2027-03-01'], /cannot read scenario missing.json/],
  ])('rejects bad arguments with a clear message and exit code 2: %j', async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(cli.stderr).toMatch(message);
  });

  it('exits 2 naming the field for a pin the scenario cannot honour', async () => {
    await writeFile(join(cli.dir, 'pins.json'), JSON.stringify([{ employeeId: 'zed', lineId: 'R1', week: '2027-03-01', hours: 5 }]));
    expect(await main(['plan', join(cli.dir, 'scenario.json'), '--from', '2027-03-01', '--weeks', '2', '--pins', join(cli.dir, 'pins.json')])).toBe(2);
    expect(cli.stderr).toMatch(/pinned\[0\]\.employeeId: unknown employee zed/);
  });

  it('prints a readable plan summary with coverage, gap and unmet reasons', async () => {
    expect(await main(['plan', join(cli.dir, 'scenario.json'), '--from', '2027-03-03', '--weeks', '2'])).toBe(0);
    expect(cli.stdout).toMatch(/Staffing plan 2027-03-01 to 2027-03-14 \(2 weeks\): 1 people, 2 role lines, money in GBP/);
    expect(cli.stdout).toMatch(/independent check: passed/);
    expect(cli.stdout).toMatch(/Coverage: 42\.0 of 56\.0 expected hours/);
    expect(cli.stdout).toMatch(/R2 .* no-eligible-person .* one more level-2 rust person in weeks 2027-03-01 to 2027-03-08/);
  });

  it('prints the full plan document with --json and writes it with --out', async () => {
    const out = join(cli.dir, 'plan.json');
    expect(await main(['plan', join(cli.dir, 'scenario.json'), '--from', '2027-03-01', '--weeks', '2', '--json', '--out', out, '--min-probability', '0.5'])).toBe(0);
    const printed = JSON.parse(cli.stdout) as StaffingPlan;
    const written = JSON.parse(await readFile(out, 'utf8')) as StaffingPlan;
    expect(printed.options).toMatchObject({ minProbability: 0.5, countRequestedPto: false, pinned: [], previousPlan: null });
    expect(printed.assignments).toEqual(written.assignments);
    expect(printed.assignments.map((a) => [a.employeeId, a.lineId, a.week, a.hours])).toEqual([
      ['ann', 'R1', '2027-03-01', 30],
      ['ann', 'R1', '2027-03-08', 30],
    ]);
  });

  it('takes a previous plan document and echoes the entries it compares', async () => {
    const previous = join(cli.dir, 'previous.json');
    await writeFile(previous, JSON.stringify({ assignments: [{ employeeId: 'ann', lineId: 'R1', week: '2027-03-01', hours: 20 }] }));
    expect(await main(['plan', join(cli.dir, 'scenario.json'), '--from', '2027-03-01', '--weeks', '2', '--previous', previous, '--json'])).toBe(0);
    const plan = JSON.parse(cli.stdout) as StaffingPlan;
    expect(plan.options.previousPlan).toEqual({ assignments: [{ employeeId: 'ann', lineId: 'R1', week: '2027-03-01', hours: 20 }] });
    expect(plan.objective.churnPenalty).toBeGreaterThan(0);
  });

  it('prints supply vs demand per skill, and the forecast document with --json', async () => {
    expect(await main(['forecast', join(cli.dir, 'scenario.json'), '--from', '2027-03-01', '--weeks', '2'])).toBe(0);
    expect(cli.stdout).toMatch(/Capacity 80\.0 h, expected demand 56\.0 h, coverable 42\.0 h/);
    expect(cli.stdout).toMatch(/rust\s+0\.0\s+20\.0\s+14\.0\s+0\.0\s+14\.0/);
    cli.stdout = '';
    expect(await main(['forecast', join(cli.dir, 'scenario.json'), '--from', '2027-03-01', '--weeks', '2', '--bucket', 'month', '--json'])).toBe(0);
    const forecast = JSON.parse(cli.stdout) as CapacityForecast;
    expect(forecast.options.bucket).toBe('month');
    expect(forecast.rows.every((r) => r.week === '2027-03-01')).toBe(true);
  });

  it('echoes --crm-horizon-weeks, the weeks after which MAS projected demand counts', async () => {
    expect(await main(['forecast', join(cli.dir, 'scenario.json'), '--from', '2027-03-01', '--weeks', '2', '--include-leads', '--crm-horizon-weeks', '4', '--json'])).toBe(0);
    const forecast = JSON.parse(cli.stdout) as CapacityForecast;
    expect(forecast.options).toMatchObject({ includeLeadForecasts: true, crmHorizonWeeks: 4 });
  });
});
