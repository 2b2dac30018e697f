/**
 * Seeded random PlanningProblems for the optimizer's tests and for measure.ts: people with 1-4 skills
 * at levels 1-5 in a few locations, time off and roll-offs, role lines with stage-typical win
 * probabilities, headcounts 1-5 and durations of 4-20 weeks. Demand is calibrated against supply so the
 * problem is neither trivially coverable nor hopeless. Same seed → same problem.
 */
import { mulberry32 } from '../random.js';
import type { PlanningProblem, ProblemLine, ProblemPair, ProblemPerson } from '../types.js';

export interface RandomProblemSpec {
  people: number;
  lines: number;
  weeks: number;
  skills?: number; // default ≈ people / 15, at least 3
  locations?: number; // default 3
  seed?: number;
  /** Total expected weekly demand over total available hours of eligible supply (default 1.1). */
  demandRatio?: number;
}

/** The shared seeded generator (mulberry32), under the name this module's callers use. */
export const seededRandom: (seed: number) => () => number = mulberry32;

function pick<T>(random: () => number, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(random() * items.length)];
  const total = weights.reduce((a, b) => a + b, 0);
  let target = random() * total;
  for (let i = 0; i < items.length; i++) {
    target -= weights[i];
    if (target <= 0) return items[i];
  }
  return items[items.length - 1];
}

const LEVEL_COST = [60, 75, 95, 120, 150];
const LEVEL_BILL = [90, 120, 150, 185, 230];
const ROLE_HOURS = [16, 20, 24, 32, 40];
const ROLE_HOUR_WEIGHTS = [0.08, 0.12, 0.1, 0.25, 0.45];

interface DraftPerson extends ProblemPerson {
  skills: Map<number, number>; // skill → level
  locationIndex: number;
}

function draftPeople(random: () => number, spec: Required<RandomProblemSpec>): DraftPerson[] {
  const people: DraftPerson[] = [];
  for (let i = 0; i < spec.people; i++) {
    const skills = new Map<number, number>();
    const count = Math.min(spec.skills, pick(random, [1, 2, 3, 4], [0.25, 0.35, 0.25, 0.15]));
    while (skills.size < count) skills.set(Math.floor(Math.pow(random(), 1.4) * spec.skills), pick(random, [1, 2, 3, 4, 5], [0.05, 0.2, 0.36, 0.28, 0.11]));
    const topLevel = Math.max(...skills.values());
    const weekly = random() < 0.15 ? pick(random, [20, 24, 32]) : 40;
    const rollOff = random() < 0.5 ? Math.floor(random() * spec.weeks) : 0;
    const committed = rollOff > 0 ? pick(random, [16, 24, 40]) : 0;
    const available = Array.from({ length: spec.weeks }, (_, w) => {
      let hours = weekly - (w < rollOff ? Math.min(weekly, committed) : 0);
      if (random() < 0.06) hours -= pick(random, [8, weekly / 2, weekly]);
      return Math.max(0, hours);
    });
    const locationIndex = Math.floor(random() * spec.locations);
    people.push({
      employeeId: `E${String(i + 1).padStart(5, '0')}`,
      name: `Person ${i + 1}`,
      location: `LOC${locationIndex}`,
      costRate: LEVEL_COST[topLevel - 1] * (0.9 + 0.2 * random()),
      available,
      skills,
      locationIndex,
    });
  }
  return people;
}

interface DraftLine extends ProblemLine {
  skillIndex: number;
  locationIndex: number | null; // null = remote allowed or no location
}

function draftLine(random: () => number, index: number, spec: Required<RandomProblemSpec>): DraftLine {
  const won = random() < 0.25;
  const start = Math.floor(random() * (spec.weeks + 4)) - 4;
  const duration = 4 + Math.floor(random() * 17);
  const weeks: number[] = [];
  for (let w = Math.max(0, start); w < Math.min(spec.weeks, start + duration); w++) weeks.push(w);
  if (weeks.length === 0) weeks.push(Math.min(spec.weeks - 1, Math.max(0, start)));
  return {
    lineId: `L${String(index + 1).padStart(5, '0')}`,
    opportunityId: `O${String(Math.floor(index / 3) + 1).padStart(5, '0')}`,
    skill: '',
    minLevel: pick(random, [1, 2, 3, 4], [0.05, 0.35, 0.4, 0.2]),
    hoursPerWeek: pick(random, ROLE_HOURS, ROLE_HOUR_WEIGHTS),
    headcount: pick(random, [1, 2, 3, 4, 5], [0.32, 0.3, 0.2, 0.11, 0.07]),
    probability: won ? 1 : Math.round((0.1 + 0.8 * random()) * 20) / 20,
    weeks,
    skillIndex: Math.floor(Math.pow(random(), 1.4) * spec.skills),
    locationIndex: random() < 0.55 ? Math.floor(random() * spec.locations) : null,
  };
}

function eligiblePairs(people: DraftPerson[], lines: DraftLine[]): ProblemPair[] {
  const pairs: ProblemPair[] = [];
  lines.forEach((line, l) => {
    people.forEach((person, p) => {
      const level = person.skills.get(line.skillIndex);
      if (level === undefined || level < line.minLevel) return;
      if (line.locationIndex !== null && line.locationIndex !== person.locationIndex) return;
      if (!line.weeks.some((w) => person.available[w] > 0)) return;
      const billRate = LEVEL_BILL[level - 1] * (1 + 0.03 * (line.skillIndex % 7));
      pairs.push({ person: p, line: l, level, billRate, marginPerHour: billRate - person.costRate });
    });
  });
  return pairs;
}

/** Scales headcounts so that expected demand ≈ demandRatio × the hours eligible people have. */
function calibrateHeadcounts(people: DraftPerson[], lines: DraftLine[], ratio: number): void {
  const supply = people.reduce((sum, p) => sum + p.available.reduce((a, b) => a + b, 0), 0);
  const demand = lines.reduce((sum, l) => sum + l.hoursPerWeek * l.headcount * l.weeks.length, 0);
  const scale = (ratio * supply) / Math.max(1, demand);
  for (const line of lines) line.headcount = Math.max(1, Math.min(8, Math.round(line.headcount * scale)));
}

export function randomProblem(input: RandomProblemSpec): PlanningProblem {
  const spec: Required<RandomProblemSpec> = {
    skills: Math.max(3, Math.round(input.people / 15)),
    locations: 3,
    seed: 1,
    demandRatio: 1.1,
    ...input,
  };
  const random = seededRandom(spec.seed);
  const people = draftPeople(random, spec);
  const lines = Array.from({ length: spec.lines }, (_, i) => draftLine(random, i, spec));
  calibrateHeadcounts(people, lines, spec.demandRatio);
  const pairs = eligiblePairs(people, lines);
  const maxMargin = pairs.reduce((m, pair) => Math.max(m, Math.abs(pair.marginPerHour)), 0);
  const costs = people.map((p) => p.costRate).sort((a, b) => a - b);
  const fragmentation = costs.length ? costs[Math.floor(costs.length / 2)] : 100;
  return {
    weeks: Array.from({ length: spec.weeks }, (_, w) => `W${String(w).padStart(2, '0')}`),
    people: people.map(({ employeeId, name, location, costRate, available }) => ({ employeeId, name, location, costRate, available })),
    lines: lines.map(({ skillIndex, locationIndex: _location, ...line }) => ({ ...line, skill: `S${skillIndex}` })),
    pairs,
    unmetPenaltyPerHour: Math.max(1000, 100 * maxMargin),
    fragmentationPenaltyPerPair: fragmentation,
    churnPenaltyPerHour: fragmentation / 10,
    pinned: [],
    previous: [],
  };
}
