/**
 * Iterated local search: empty a few related teams, refill them greedily, descend locally, and keep
 * the result only if the plan value rose. Seeds cycle through the lines with the most unmet expected
 * value; a perturbation takes the seed line and the lines its candidates serve. No randomness: the same
 * teams and budget give the same result.
 */
import { greedyTeams } from './greedy.js';
import { localSearch } from './local-search.js';
import { Teams } from './teams.js';

export interface PerturbationStats {
  rounds: number;
  accepted: number;
  gain: number;
}

const RELATED_LINES = 3;
const PERTURBATION_PASSES = 4;

function teamPairs(teams: Teams): number[] {
  return teams.members.flat().sort((a, b) => a - b);
}

function restore(teams: Teams, snapshot: number[]): void {
  const keep = new Set(snapshot);
  for (const e of teamPairs(teams)) if (!keep.has(e)) teams.drop(e);
  for (const e of snapshot) teams.add(e);
}

/** The seed line plus the lines where its strongest outsiders work now. */
function relatedLines(teams: Teams, seed: number): number[] {
  const inst = teams.instance;
  const lines = [seed];
  for (let e = inst.linePairStarts[seed]; e < inst.linePairStarts[seed + 1] && lines.length <= RELATED_LINES; e++) {
    if (teams.inTeam[e]) continue;
    for (const other of teams.chosen[inst.pairPerson[e]]) {
      const line = inst.pairLine[other];
      if (!lines.includes(line) && lines.length <= RELATED_LINES) lines.push(line);
    }
  }
  return lines;
}

function linesByUnmetValue(teams: Teams): number[] {
  const inst = teams.instance;
  const staffed = new Float64Array(inst.nLines);
  teams.allocate((e, _w, hours) => (staffed[inst.pairLine[e]] += hours));
  const unmet = (l: number) => inst.lineProbability[l] * (inst.lineHours[l] * inst.lineHeadcount[l] * (inst.lineWeekStarts[l + 1] - inst.lineWeekStarts[l]) - staffed[l]);
  const lines: number[] = [];
  for (let l = 0; l < inst.nLines; l++) if (inst.linePairStarts[l + 1] > inst.linePairStarts[l] && unmet(l) > 1e-6) lines.push(l);
  return lines.sort((a, b) => unmet(b) - unmet(a) || a - b);
}

export function perturbAndDescend(teams: Teams, rounds: number, shouldStop: () => boolean): PerturbationStats {
  const inst = teams.instance;
  const stats: PerturbationStats = { rounds: 0, accepted: 0, gain: 0 };
  if (rounds <= 0 || shouldStop()) return stats;
  const seeds = linesByUnmetValue(teams);
  for (let round = 0; round < rounds && seeds.length > 0 && !shouldStop(); round++) {
    stats.rounds++;
    const seed = seeds[round % seeds.length];
    const before = teams.value();
    const snapshot = teamPairs(teams);
    const lines = relatedLines(teams, seed);
    const mask = new Uint8Array(inst.nLines);
    const candidates: number[] = [];
    for (const line of lines) {
      mask[line] = 1;
      for (const e of teams.members[line].slice()) if (!inst.pairPinned[e]) teams.drop(e);
      for (let e = inst.linePairStarts[line]; e < inst.linePairStarts[line + 1]; e++) candidates.push(e);
    }
    // Refill the seed first: it is the line the current plan serves worst.
    const seedFirst = candidates.filter((e) => inst.pairLine[e] === seed);
    greedyTeams(teams, shouldStop, seedFirst);
    greedyTeams(teams, shouldStop, candidates.sort((a, b) => a - b));
    localSearch(teams, PERTURBATION_PASSES, shouldStop, mask);
    if (teams.value() > before + 1e-6) {
      stats.accepted++;
      stats.gain += teams.value() - before;
    } else {
      restore(teams, snapshot);
    }
  }
  return stats;
}
