/**
 * Large-neighbourhood search: re-cut several teams at once with a small exact MIP. A neighbourhood is a
 * seed line (most unmet expected value first), the lines its best candidates currently serve, and the
 * people eligible for those lines; their pairs on those lines are free, every other team membership of
 * those people stays fixed (it still uses their hours). The MIP is warm-started from the current teams
 * and capped by nodes, so it never returns worse than it was given and the path is deterministic.
 */
import type { BackendName } from '../types.js';
import { adoptTeams, buildTeamMip, solveTeamMip, startingPoint } from './team-mip.js';
import { Teams } from './teams.js';

export interface NeighbourhoodOptions {
  /** Neighbourhoods to try. */
  rounds: number;
  maxLines: number;
  maxPeoplePerLine: number;
  maxPairWeeks: number;
  mipMaxNodes: number;
  backend: BackendName;
  remainingSeconds: () => number;
  shouldStop: () => boolean;
}

export interface NeighbourhoodStats {
  tried: number;
  improved: number;
  gain: number;
  timeMs: number;
}

/** Expected value a line still lacks: Σ_weeks probability × (demand − staffed hours), hours from the knapsacks. */
function unmetByLine(teams: Teams): Float64Array {
  const inst = teams.instance;
  const staffed = new Float64Array(inst.nLines * inst.nWeeks);
  teams.allocate((e, w, hours) => (staffed[inst.pairLine[e] * inst.nWeeks + w] += hours));
  const unmet = new Float64Array(inst.nLines);
  for (let l = 0; l < inst.nLines; l++) {
    if (inst.linePairStarts[l + 1] === inst.linePairStarts[l]) continue;
    const demand = inst.lineHours[l] * inst.lineHeadcount[l];
    for (let k = inst.lineWeekStarts[l]; k < inst.lineWeekStarts[l + 1]; k++) {
      unmet[l] += inst.lineProbability[l] * Math.max(0, demand - staffed[l * inst.nWeeks + inst.lineWeeks[k]]);
    }
  }
  return unmet;
}

/** The line's best outsiders by exact add gain, then its members. */
function peopleAround(teams: Teams, line: number, limit: number): number[] {
  const inst = teams.instance;
  const outsiders: { person: number; gain: number }[] = [];
  for (let e = inst.linePairStarts[line]; e < inst.linePairStarts[line + 1]; e++) {
    if (!teams.inTeam[e]) outsiders.push({ person: inst.pairPerson[e], gain: teams.addDelta(e) });
  }
  outsiders.sort((a, b) => b.gain - a.gain || a.person - b.person);
  const members = teams.members[line].map((e) => inst.pairPerson[e]);
  return [...members, ...outsiders.slice(0, limit).map((entry) => entry.person)];
}

function pairWeeks(teams: Teams, pairs: number[]): number {
  const inst = teams.instance;
  let total = 0;
  for (const e of pairs) total += inst.lineWeekStarts[inst.pairLine[e] + 1] - inst.lineWeekStarts[inst.pairLine[e]];
  return total;
}

interface Neighbourhood {
  free: number[];
  fixed: number[];
}

function neighbourhoodOf(teams: Teams, seed: number, options: NeighbourhoodOptions): Neighbourhood {
  const inst = teams.instance;
  const lines = [seed];
  const people = new Set(peopleAround(teams, seed, options.maxPeoplePerLine));
  for (const person of [...people]) {
    for (const e of teams.chosen[person]) if (lines.length < options.maxLines && !lines.includes(inst.pairLine[e])) lines.push(inst.pairLine[e]);
  }
  for (const line of lines.slice(1)) for (const person of peopleAround(teams, line, Math.max(2, options.maxPeoplePerLine >> 1))) people.add(person);
  const lineSet = new Set(lines);
  const free: number[] = [];
  for (const line of lines) {
    for (let e = inst.linePairStarts[line]; e < inst.linePairStarts[line + 1]; e++) if (people.has(inst.pairPerson[e])) free.push(e);
  }
  while (free.length > 0 && pairWeeks(teams, free) > options.maxPairWeeks) {
    const last = free.findLastIndex((e) => !teams.inTeam[e]);
    if (last < 0) break;
    free.splice(last, 1);
  }
  const fixed: number[] = [];
  for (const person of people) for (const e of teams.chosen[person]) if (!lineSet.has(inst.pairLine[e])) fixed.push(e);
  return { free, fixed };
}

/** Runs `rounds` neighbourhood MIPs, seeds taken by unmet expected value (ties: lower line). */
export async function neighbourhoodSearch(teams: Teams, options: NeighbourhoodOptions): Promise<NeighbourhoodStats> {
  const stats: NeighbourhoodStats = { tried: 0, improved: 0, gain: 0, timeMs: 0 };
  const inst = teams.instance;
  const tried = new Uint8Array(inst.nLines);
  for (let round = 0; round < options.rounds && !options.shouldStop(); round++) {
    const unmet = unmetByLine(teams);
    let seed = -1;
    for (let l = 0; l < inst.nLines; l++) if (!tried[l] && unmet[l] > 1e-9 && (seed < 0 || unmet[l] > unmet[seed])) seed = l;
    if (seed < 0) break;
    tried[seed] = 1;
    const { free, fixed } = neighbourhoodOf(teams, seed, options);
    const pairs = [...new Set([...free, ...fixed])].sort((a, b) => a - b);
    const mip = buildTeamMip(inst, pairs, new Set(fixed));
    const before = startingPoint(mip, teams);
    let beforeValue = 0;
    for (let j = 0; j < mip.lp.numCols; j++) beforeValue += mip.lp.colCost[j] * before[j];
    const answer = await solveTeamMip(mip, options.backend, {
      initialSolution: before,
      mipMaxNodes: options.mipMaxNodes,
      mipRelGap: 1e-6,
      timeLimitSeconds: options.remainingSeconds(),
      shouldStop: options.shouldStop,
    });
    stats.tried++;
    stats.timeMs += answer.result.timeMs;
    if (!answer.result.hasSolution || answer.result.objective <= beforeValue + 1e-6) continue;
    const valueBefore = teams.value();
    const previous = pairs.filter((e) => teams.inTeam[e]);
    adoptTeams(teams, mip, answer.chosen);
    if (teams.value() <= valueBefore + 1e-6) {
      adoptTeams(teams, mip, previous);
      continue;
    }
    stats.improved++;
    stats.gain += teams.value() - valueBefore;
    for (const e of answer.chosen) tried[inst.pairLine[e]] = 0;
    tried[seed] = 1;
  }
  return stats;
}
