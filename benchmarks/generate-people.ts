/**
 * Supply side of a generated scenario: employees with skill mixes, part-timers, joiners and leavers,
 * time off and current assignments that roll off during the horizon.
 */
import type { CurrentAssignment, Employee, EmployeeSkill, TimeOff } from '../solver/types.js';
import type { Office, SkillEntry } from './catalog.js';
import { addDays } from './dates.js';
import type { Random } from './random.js';
import type { BenchmarkSize } from './sizes.js';
import { HORIZON_START } from './sizes.js';

export const UPDATED_AT = '2026-12-20T09:00:00Z';

/** Market shape of one skill: how common holders are, and how hot demand is relative to supply. */
export interface SkillMarket {
  skill: SkillEntry;
  supplyWeight: number;
  demandWeight: number;
}

const SKILL_COUNT_WEIGHTS = [0.25, 0.35, 0.25, 0.15]; // 1-4 skills per person
const PRIMARY_LEVEL_WEIGHTS = [0.04, 0.2, 0.36, 0.28, 0.12]; // levels 1-5, skewed to 2-4
const SECONDARY_LEVEL_WEIGHTS = [0.14, 0.34, 0.32, 0.15, 0.05];
const LEVEL_COST_FACTOR = [0.62, 0.8, 1, 1.25, 1.55];
const TITLES = ['Associate', 'Consultant', 'Senior Consultant', 'Manager', 'Principal'];
const PART_TIME_PATTERNS: { weeklyHours: number; workingDays: number[] }[] = [
  { weeklyHours: 32, workingDays: [1, 2, 3, 4] },
  { weeklyHours: 24, workingDays: [1, 2, 3] },
  { weeklyHours: 20, workingDays: [1, 2, 3, 4, 5] },
  { weeklyHours: 30, workingDays: [1, 2, 3, 4, 5] },
];
// Time off: single days, long weekends, a week, two weeks (end is inclusive, so 0 = one day).
const PTO_LENGTH_DAYS = [0, 1, 3, 4, 6, 13];
const PTO_LENGTH_WEIGHTS = [0.3, 0.15, 0.1, 0.1, 0.2, 0.15];
const ASSIGNMENT_HOURS = [8, 16, 20, 24, 32, 40];
const ASSIGNMENT_HOUR_WEIGHTS = [0.08, 0.14, 0.14, 0.14, 0.2, 0.3];

function padded(prefix: string, index: number, width: number): string {
  return `${prefix}${String(index).padStart(width, '0')}`;
}

export function employeeId(index: number): string {
  return padded('E', index + 1, 6);
}

function pickSkills(random: Random, markets: SkillMarket[]): { market: SkillMarket; primary: boolean }[] {
  const count = 1 + random.weightedIndex(SKILL_COUNT_WEIGHTS);
  const weights = markets.map((market) => market.supplyWeight);
  const primary = markets[random.weightedIndex(weights)];
  const chosen = [{ market: primary, primary: true }];
  for (let attempt = 0; chosen.length < count && attempt < 20; attempt++) {
    // Most people grow within their family (java → typescript); some span families (java → aws).
    const sameFamily = random.chance(0.6);
    const pool = sameFamily ? markets.filter((m) => m.skill.family === primary.skill.family) : markets;
    const candidate = pool[random.weightedIndex(pool.map((m) => m.supplyWeight))];
    if (!chosen.some((entry) => entry.market === candidate)) chosen.push({ market: candidate, primary: false });
  }
  return chosen;
}

function certification(random: Random, weeks: number): Pick<EmployeeSkill, 'certified' | 'certificationExpires'> {
  if (!random.chance(0.45)) return random.chance(0.1) ? { certified: false } : {};
  if (random.chance(0.25)) return { certified: true, certificationExpires: addDays(HORIZON_START, random.int(0, weeks * 7)) };
  return random.chance(0.5) ? { certified: true, certificationExpires: '2029-06-30' } : { certified: true };
}

function employeeSkills(random: Random, markets: SkillMarket[], weeks: number): EmployeeSkill[] {
  return pickSkills(random, markets).map(({ market, primary }) => {
    const level = 1 + random.weightedIndex(primary ? PRIMARY_LEVEL_WEIGHTS : SECONDARY_LEVEL_WEIGHTS);
    const skill: EmployeeSkill = { skill: market.skill.code, level };
    return market.skill.certifiable ? { ...skill, ...certification(random, weeks) } : skill;
  });
}

function workPattern(random: Random): { weeklyHours?: number; workingDays?: number[] } {
  if (!random.chance(0.12)) return {};
  const pattern = random.pick(PART_TIME_PATTERNS);
  return { weeklyHours: pattern.weeklyHours, workingDays: [...pattern.workingDays] };
}

function employmentDates(random: Random, weeks: number): { startDate: string; endDate?: string } {
  const joinsDuringHorizon = random.chance(0.04);
  const startDate = joinsDuringHorizon
    ? addDays(HORIZON_START, random.int(7, weeks * 7 - 7))
    : addDays(HORIZON_START, -random.int(60, 3650));
  const leaves = random.chance(0.03);
  return leaves ? { startDate, endDate: addDays(HORIZON_START, random.int(14, weeks * 7)) } : { startDate };
}

export function generateEmployee(random: Random, index: number, offices: Office[], markets: SkillMarket[], weeks: number): Employee {
  const office = offices[random.weightedIndex(offices.map((o) => o.weight))];
  const skills = employeeSkills(random, markets, weeks);
  const seniority = skills[0].level;
  const id = employeeId(index);
  const employee: Employee = {
    id,
    name: `Employee ${id.slice(1)}`,
    email: `${id.toLowerCase()}@example.com`,
    location: office.code,
    timeZone: office.timeZone,
    title: TITLES[seniority - 1],
    level: seniority,
    costRate: Math.round(office.baseCost * LEVEL_COST_FACTOR[seniority - 1] * random.range(0.9, 1.1, 0.01) * 100) / 100,
    currency: office.currency,
    ...workPattern(random),
    ...employmentDates(random, weeks),
    utilizationTarget: random.pick([0.75, 0.8, 0.85, 0.9]),
    skills,
    updatedAt: UPDATED_AT,
  };
  // Some HR systems send the calendar explicitly, most rely on the location default.
  if (random.chance(0.2)) employee.holidayCalendar = office.code;
  return employee;
}

export function generateTimeOff(random: Random, employee: Employee, weeks: number, sequence: { next: number }): TimeOff[] {
  const blocks = random.int(0, Math.max(1, Math.round(weeks / 8)));
  const result: TimeOff[] = [];
  for (let block = 0; block < blocks; block++) {
    const start = addDays(HORIZON_START, random.int(0, weeks * 7 - 1));
    const status = (['approved', 'requested', 'cancelled'] as const)[random.weightedIndex([0.7, 0.2, 0.1])];
    const timeOff: TimeOff = {
      id: padded('PTO', ++sequence.next, 7),
      employeeId: employee.id,
      start,
      end: addDays(start, PTO_LENGTH_DAYS[random.weightedIndex(PTO_LENGTH_WEIGHTS)]),
      status,
      updatedAt: UPDATED_AT,
    };
    if (random.chance(0.15)) timeOff.hoursPerDay = 4;
    result.push(timeOff);
  }
  return result;
}

export function generateAssignments(random: Random, employee: Employee, weeks: number, sequence: { next: number }): CurrentAssignment[] {
  const count = random.chance(0.65) ? (random.chance(0.15) ? 2 : 1) : 0;
  const result: CurrentAssignment[] = [];
  for (let index = 0; index < count; index++) {
    const hours = ASSIGNMENT_HOURS[random.weightedIndex(ASSIGNMENT_HOUR_WEIGHTS)];
    result.push({
      id: padded('A', ++sequence.next, 7),
      employeeId: employee.id,
      projectId: padded('PRJ', random.int(1, Math.max(10, Math.round(weeks * 20))), 5),
      start: addDays(HORIZON_START, -random.int(14, 240)),
      // Roll-offs spread over the horizon (and a little beyond): capacity frees up week by week.
      rollOffDate: addDays(HORIZON_START, random.int(-3, weeks * 7 + 42)),
      hoursPerWeek: index === 0 ? hours : Math.min(hours, 16),
      billable: random.chance(0.85),
      updatedAt: UPDATED_AT,
    });
  }
  return result;
}

/** Rough weekly supply (hours) for calibrating demand; the benchmark reports the exact ratio later. */
export function estimateSupplyHours(employee: Employee, assignments: CurrentAssignment[], weeks: number): number {
  let total = 0;
  for (let week = 0; week < weeks; week++) {
    const monday = addDays(HORIZON_START, week * 7);
    const employed = (employee.startDate ?? '0000') <= monday && (employee.endDate ?? '9999') >= monday;
    if (!employed) continue;
    const committed = assignments
      .filter((assignment) => assignment.start <= monday && assignment.rollOffDate >= monday)
      .reduce((sum, assignment) => sum + assignment.hoursPerWeek, 0);
    total += Math.max(0, (employee.weeklyHours ?? 40) * 0.95 - committed);
  }
  return total;
}

export function sizeSeedKey(size: BenchmarkSize, seed: number): number {
  const sizeCode = [...size.name].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 7);
  return (Math.imul(seed, 1_000_003) ^ sizeCode) >>> 0;
}
