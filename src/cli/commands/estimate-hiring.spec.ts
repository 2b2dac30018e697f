import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { estimateCommand } from './estimate.js';
import { hiringCommand } from './hiring.js';
import { captureCliOutput } from '../test-support.js';

const TINY = join(process.cwd(), 'fixtures', 'tiny.json');

const cli = captureCliOutput('staffplan-estimate-cli-');

describe('staffplan estimate: the horizon options of DESIGN §7', () => {
  it('prints its usage with --help and exits 0', async () => {
    expect(await estimateCommand(['--help'])).toBe(0);
    expect(cli.stdout).toMatch(/--candidates N/);
    expect(cli.stdout).toMatch(/--min-probability P/);
  });

  it('snaps --from back to its Monday and keeps the candidate starts inside --weeks', async () => {
    // 2027-01-06 is a Wednesday; a 3-week horizon holds 3 of the default 8 candidate starts.
    expect(await estimateCommand([TINY, '--opportunity', 'o-2', '--from', '2027-01-06', '--weeks', '3', '--json'])).toBe(0);
    const result = JSON.parse(cli.stdout);
    expect(result.options.map((o: { start: string }) => o.start)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
  });

  it('takes the number of candidate starts from --candidates, separate from the horizon weeks', async () => {
    expect(await estimateCommand([TINY, '--opportunity', 'o-2', '--from', '2027-01-04', '--weeks', '26', '--candidates', '2', '--json'])).toBe(0);
    expect(JSON.parse(cli.stdout).options.map((o: { start: string }) => o.start)).toEqual(['2027-01-04', '2027-01-11']);
  });

  it('accepts --min-probability, --count-requested-pto, --time-limit and --backend and echoes them', async () => {
    const argv = [TINY, '--opportunity', 'o-2', '--weeks', '2', '--min-probability', '0.5', '--count-requested-pto', '--time-limit', '5', '--backend', 'jslp'];
    expect(await estimateCommand(argv)).toBe(0);
    expect(cli.stdout).toContain('min probability 0.5');
    expect(cli.stdout).toContain('requested PTO counted; backend jslp; time limit 5 s');
    cli.stdout = '';
    expect(await estimateCommand([...argv, '--out', join(cli.dir, 'estimate.json')])).toBe(0);
    const written = JSON.parse(await readFile(join(cli.dir, 'estimate.json'), 'utf8'));
    expect(written.solver.backend).toBe('jslp');
    expect(cli.stdout).toContain(`Full estimate written to ${join(cli.dir, 'estimate.json')}`);
  });

  it.each([
    [['--min-probability', '1.5'], /--min-probability must be a number from 0 to 1/],
    [['--candidates', '0'], /--candidates must be a whole number from 1 to 52/],
    [['--backend', 'cplex'], /--backend must be highs, jslp or auto/],
    [['--from', '2027-13-01'], /--from must be a date YYYY-MM-DD/],
    [['--time-limit=0'], /--time-limit must be a number from 0.001/],
  ])('exits 2 on a bad horizon option %j', async (extra, message) => {
    expect(await estimateCommand([TINY, '--opportunity', 'o-2', ...extra])).toBe(2);
    expect(cli.stderr).toMatch(message);
  });
});

describe('staffplan hiring: the same horizon options', () => {
  it('accepts --min-probability, --count-requested-pto, --time-limit and --backend and records them in the forecast', async () => {
    const argv = [TINY, '--from', '2027-01-06', '--weeks', '8', '--min-probability', '0.5', '--count-requested-pto', '--time-limit', '5', '--backend', 'jslp', '--json'];
    expect(await hiringCommand(argv)).toBe(0);
    const forecast = JSON.parse(cli.stdout);
    expect(forecast.horizon).toEqual({ from: '2027-01-04', weeks: 8 });
    expect(forecast.options).toMatchObject({ minProbability: 0.5, countRequestedPto: true });
    expect(forecast.solver.backend).toContain('jslp');
  });
});
