import { describe, expect, it } from '@jest/globals';
import { acceptResult, LinearProgram, LpBackend, LpSolveOptions } from '../lp/index.js';
import { greedyTeams } from './greedy.js';
import { compileInstance } from './instance.js';
import { localSearch } from './local-search.js';
import { randomProblem } from './random-problem.js';
import { buildTeamMip, solveTeamMip, startingPoint } from './team-mip.js';
import { Teams } from './teams.js';

/** A lying backend: says 'optimal' but returns y = 0.5 everywhere (what jslp's time-out was measured to do). */
const fractionalBackend: LpBackend = {
  name: 'jslp',
  async solve(lp: LinearProgram, _options?: LpSolveOptions) {
    const values = new Float64Array(lp.numCols);
    for (let j = 0; j < lp.numCols; j++) values[j] = lp.integer[j] ? 0.5 : 0;
    return acceptResult(lp, { status: 'optimal', values, backendStatus: 'fake' }, 0);
  },
};

function problemAndTeams(seed: number) {
  const problem = randomProblem({ people: 12, lines: 6, weeks: 6, skills: 3, seed });
  const instance = compileInstance(problem);
  const teams = new Teams(instance);
  greedyTeams(teams);
  return { problem, instance, teams };
}

describe('team MIP', () => {
  it('values the heuristic teams exactly as Teams does (warm start = same objective)', () => {
    const { instance, teams } = problemAndTeams(3);
    const mip = buildTeamMip(instance, Array.from({ length: instance.nPairs }, (_, e) => e));
    const start = startingPoint(mip, teams);
    let objective = 0;
    for (let j = 0; j < mip.lp.numCols; j++) objective += mip.lp.colCost[j] * start[j];
    expect(objective).toBeCloseTo(teams.value(), 4);
  });

  it('catches a backend answer with fractional team choices: no teams are read from it', async () => {
    const { instance } = problemAndTeams(4);
    const mip = buildTeamMip(instance, Array.from({ length: instance.nPairs }, (_, e) => e));
    const answer = await solveTeamMip(mip, fractionalBackend, {});
    expect(answer.result.status).toBe('error');
    expect(answer.result.message).toMatch(/fractional/);
    expect(answer.chosen).toEqual([]);
  });

  it('never scores below the local-search teams it was warm-started from', async () => {
    const { instance, teams } = problemAndTeams(5);
    localSearch(teams, 10);
    const mip = buildTeamMip(instance, Array.from({ length: instance.nPairs }, (_, e) => e));
    const answer = await solveTeamMip(mip, 'highs', { initialSolution: startingPoint(mip, teams), mipMaxNodes: 200 });
    expect(answer.result.hasSolution).toBe(true);
    expect(answer.result.objective).toBeGreaterThanOrEqual(teams.value() - 1e-6);
  });
});

describe('Teams', () => {
  it('add and drop deltas predict the value change exactly', () => {
    const { instance, teams } = problemAndTeams(6);
    for (let e = 0; e < instance.nPairs; e++) {
      const before = teams.value();
      if (teams.inTeam[e]) {
        if (instance.pairPinned[e]) continue;
        const delta = teams.dropDelta(e);
        teams.drop(e);
        expect(teams.value() - before).toBeCloseTo(delta, 6);
        teams.add(e);
      } else {
        const delta = teams.addDelta(e);
        teams.add(e);
        expect(teams.value() - before).toBeCloseTo(delta, 6);
        teams.drop(e);
      }
    }
  });
});
