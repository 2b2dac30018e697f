/**
 * The fixture firms parse, are internally consistent and give people plausible available hours
 * (computed with the plan checker's own calendar), and northwind-consulting.json is exactly what its
 * seeded generator writes.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableHoursByEmployee, expectedLines, scenarioView } from '../solver/checker/index.js';
import { horizonMondays, isIsoDate } from '../solver/checker/dates.js';
import type { Scenario } from '../solver/types.js';

const FIXTURES = join(process.cwd(), 'fixtures');
const load = (name: string): Scenario => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Scenario;
const HORIZON = horizonMondays('2027-01-04', 26);

const duplicates = (keys: string[]) => keys.filter((key, index) => keys.indexOf(key) !== index);

function referenceProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const employees = new Set((s.employees ?? []).map((e) => e.id));
  const types = new Set((s.projectTypes ?? []).map((t) => t.code));
  const calendars = new Set((s.holidayCalendars ?? []).map((c) => c.code));
  const accounts = new Set((s.accounts ?? []).map((a) => a.id));
  const skills = new Set((s.skills ?? []).map((k) => k.code));
  const currencies = new Set((s.exchangeRates ?? []).map((r) => r.currency));
  for (const e of s.employees ?? []) {
    if (!calendars.has(e.holidayCalendar ?? e.location)) problems.push(`${e.id}: no calendar ${e.holidayCalendar ?? e.location}`);
    if (!currencies.has(e.currency)) problems.push(`${e.id}: no exchange rate for ${e.currency}`);
    for (const held of e.skills) if (!skills.has(held.skill)) problems.push(`${e.id}: unknown skill ${held.skill}`);
  }
  for (const row of [...(s.timeOff ?? []), ...(s.assignments ?? [])]) if (!employees.has(row.employeeId)) problems.push(`${row.id}: unknown employee ${row.employeeId}`);
  for (const o of s.opportunities ?? []) {
    if (!accounts.has(o.accountId)) problems.push(`${o.id}: unknown account ${o.accountId}`);
    if (o.projectType && !types.has(o.projectType)) problems.push(`${o.id}: unknown project type ${o.projectType}`);
    if (!o.projectType && !o.roles?.length) problems.push(`${o.id}: neither roles nor a project type`);
    for (const role of o.roles ?? []) if (!skills.has(role.skill)) problems.push(`${role.id}: unknown skill ${role.skill}`);
  }
  for (const f of s.leadForecasts ?? []) if (!types.has(f.projectType)) problems.push(`${f.id}: unknown project type ${f.projectType}`);
  for (const t of s.projectTypes ?? []) for (const role of t.roles) if (!skills.has(role.skill)) problems.push(`${t.code}: unknown skill ${role.skill}`);
  for (const card of s.rateCards ?? []) if (!skills.has(card.skill) || !currencies.has(card.currency)) problems.push(`rate card ${card.skill}/${card.level}/${card.currency}`);
  for (const k of s.skills ?? []) for (const adjacent of k.adjacent ?? []) if (!skills.has(adjacent)) problems.push(`${k.code}: unknown adjacent ${adjacent}`);
  return problems;
}

/** ICU knows every IANA zone, including aliases such as Asia/Kolkata that it does not list as canonical. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function valueProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const date = (id: string, value: string | undefined) => value !== undefined && !isIsoDate(value) && problems.push(`${id}: bad date ${value}`);
  for (const e of s.employees ?? []) {
    date(e.id, e.startDate);
    date(e.id, e.endDate);
    if (!isTimeZone(e.timeZone)) problems.push(`${e.id}: bad time zone ${e.timeZone}`);
    if (e.skills.some((k) => !(Number.isInteger(k.level) && k.level >= 1 && k.level <= 5))) problems.push(`${e.id}: level outside 1-5`);
    if (e.skills.length < 1 || e.skills.length > 4) problems.push(`${e.id}: ${e.skills.length} skills`);
  }
  for (const row of s.timeOff ?? []) if (!isIsoDate(row.start) || !isIsoDate(row.end) || row.end < row.start) problems.push(`${row.id}: bad range`);
  for (const row of s.assignments ?? []) if (!isIsoDate(row.start) || !isIsoDate(row.rollOffDate) || row.rollOffDate < row.start) problems.push(`${row.id}: bad range`);
  for (const o of s.opportunities ?? []) if (!(o.probability >= 0 && o.probability <= 1) || !isIsoDate(o.expectedStart) || !isIsoDate(o.closeDate)) problems.push(`${o.id}: bad values`);
  for (const c of s.holidayCalendars ?? []) for (const d of c.dates) date(c.code, d.date);
  return problems;
}

describe.each(['northwind-consulting.json', 'tiny.json'])('fixture %s', (name) => {
  const scenario = load(name);

  it('has unique ids and natural keys in every collection, and role ids unique across opportunities', () => {
    const keys = [
      (scenario.employees ?? []).map((e) => e.id), (scenario.timeOff ?? []).map((t) => t.id), (scenario.assignments ?? []).map((a) => a.id),
      (scenario.accounts ?? []).map((a) => a.id), (scenario.opportunities ?? []).map((o) => o.id), (scenario.leadForecasts ?? []).map((f) => f.id),
      (scenario.opportunities ?? []).flatMap((o) => (o.roles ?? []).map((r) => r.id)), (scenario.holidayCalendars ?? []).map((c) => c.code),
      (scenario.projectTypes ?? []).map((t) => t.code), (scenario.skills ?? []).map((k) => k.code),
      (scenario.rateCards ?? []).map((c) => `${c.skill}|${c.level}|${c.currency}`), (scenario.exchangeRates ?? []).map((r) => r.currency),
    ];
    expect(keys.flatMap(duplicates)).toEqual([]);
  });

  it('references only employees, accounts, project types, calendars, skills and currencies it defines', () => {
    expect(referenceProblems(scenario)).toEqual([]);
  });

  it('holds valid dates, ranges, time zones, probabilities and levels', () => {
    expect(valueProblems(scenario)).toEqual([]);
  });

  it('gives everyone between 0 and their weekly hours in every horizon week', () => {
    const available = availableHoursByEmployee(scenarioView(scenario), HORIZON, false);
    for (const employee of scenario.employees ?? []) {
      const weeks = available.get(employee.id)!;
      expect(weeks.every((hours) => hours >= 0 && hours <= (employee.weeklyHours ?? 40) + 1e-9)).toBe(true);
    }
  });
});

describe('northwind-consulting.json', () => {
  const scenario = load('northwind-consulting.json');
  const view = scenarioView(scenario);

  it('is the firm the brief describes: ~80 people in 4 offices, 15+ skills, 30 deals, 10+ accounts, 5+ project types', () => {
    expect(scenario.employees).toHaveLength(80);
    expect(new Set(scenario.employees!.map((e) => e.location))).toEqual(new Set(['US-NY', 'GB-LON', 'DE-BER', 'IN-BLR']));
    expect(new Set(scenario.employees!.map((e) => e.currency))).toEqual(new Set(['USD', 'GBP', 'EUR', 'INR']));
    expect(scenario.skills!.length).toBeGreaterThanOrEqual(15);
    expect(scenario.opportunities).toHaveLength(30);
    expect(new Set(scenario.opportunities!.map((o) => o.status))).toEqual(new Set(['won', 'open', 'lost']));
    expect(scenario.accounts!.length).toBeGreaterThanOrEqual(10);
    expect(scenario.projectTypes!.length).toBeGreaterThanOrEqual(5);
    expect(new Set(scenario.rateCards!.map((c) => c.currency))).toEqual(new Set(['USD', 'EUR', 'GBP']));
    expect(scenario.exchangeRates!.find((r) => r.rateToBase === 1)?.currency).toBe('USD');
  });

  it('carries the calendar cases a planner must handle', () => {
    const people = scenario.employees!;
    expect(people.some((e) => (e.weeklyHours ?? 40) < 40 && (e.workingDays ?? []).length < 5)).toBe(true);
    expect(people.some((e) => e.startDate && e.startDate > '2027-01-04')).toBe(true);
    expect(people.some((e) => e.endDate && e.endDate < '2027-07-05')).toBe(true);
    expect(people.some((e) => e.skills.some((k) => k.certified && k.certificationExpires && k.certificationExpires < '2027-07-01'))).toBe(true);
    const timeOff = scenario.timeOff!;
    expect(new Set(timeOff.map((t) => t.status))).toEqual(new Set(['approved', 'requested', 'cancelled']));
    expect(timeOff.some((t) => t.hoursPerDay !== undefined)).toBe(true);
    expect(timeOff.some((t) => t.start < '2027-01-01' && t.end >= '2027-01-01')).toBe(true);
    const rollOffs = new Set(scenario.assignments!.map((a) => a.rollOffDate.slice(0, 7)));
    expect(['2027-01', '2027-02', '2027-03', '2027-04'].every((month) => rollOffs.has(month))).toBe(true);
  });

  it('has the real public holidays: Easter 2027, Thanksgiving and the observed weekday substitutes', () => {
    const dates = (code: string) => new Set(scenario.holidayCalendars!.find((c) => c.code === code)!.dates.map((d) => d.date));
    for (const day of ['2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2026-12-28', '2027-12-27', '2027-12-28', '2028-01-03']) expect(dates('GB').has(day)).toBe(true);
    for (const day of ['2027-01-18', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24', '2027-12-31']) expect(dates('US').has(day)).toBe(true);
    for (const day of ['2027-03-08', '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17', '2027-10-03']) expect(dates('DE-BE').has(day)).toBe(true);
    for (const day of ['2027-01-26', '2027-03-26', '2027-08-15', '2027-10-02', '2027-11-01']) expect(dates('IN-KA').has(day)).toBe(true);
  });

  it('loses hours to holidays: a London full-timer has 32 h in the weeks of Good Friday and Easter Monday', () => {
    const londoner = view.employees.find((e) => e.location === 'GB-LON' && (e.weeklyHours ?? 40) === 40 && !e.endDate && (!e.startDate || e.startDate < '2027-01-01'))!;
    const probe = { ...scenario, employees: [londoner], timeOff: [], assignments: [] };
    const easterWeeks = availableHoursByEmployee(scenarioView(probe), horizonMondays('2027-03-22', 2), false).get(londoner.id);
    expect(easterWeeks).toEqual([32, 32]);
  });

  it('has plausible supply: people average 50-95 % of their weekly hours free over the horizon', () => {
    const available = availableHoursByEmployee(view, HORIZON, false);
    const total = [...available.values()].flat().reduce((sum, hours) => sum + hours, 0);
    const nominal = view.employees.reduce((sum, e) => sum + (e.weeklyHours ?? 40) * HORIZON.length, 0);
    expect(total / nominal).toBeGreaterThan(0.5);
    expect(total / nominal).toBeLessThan(0.95);
  });

  it('has demand above supply in some skills and slack in others', () => {
    const available = availableHoursByEmployee(view, HORIZON, false);
    const demand = new Map<string, number>();
    for (const line of expectedLines(view, HORIZON, {})) demand.set(line.skill, (demand.get(line.skill) ?? 0) + line.hoursPerWeek * line.headcount * line.probability * line.weeks.length);
    const supply = (skill: string) => view.employees.filter((e) => e.skills[0]!.skill === skill).reduce((sum, e) => sum + available.get(e.id)!.reduce((a, b) => a + b, 0), 0);
    expect(demand.get('sap-s4hana')!).toBeGreaterThan(supply('sap-s4hana'));
    expect(demand.get('data-engineering')!).toBeGreaterThan(supply('data-engineering'));
    expect(demand.get('java')!).toBeLessThan(0.6 * supply('java'));
    expect(demand.get('business-analysis')!).toBeLessThan(0.6 * supply('business-analysis'));
  });

  it('is exactly what the seeded generator writes', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'northwind-')), 'northwind.json');
    execFileSync(process.execPath, [join(FIXTURES, 'generate-northwind.mjs'), out]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'northwind-consulting.json'), 'utf8'));
  });
});

describe('tiny.json', () => {
  it('gives the hand-checked available hours of fixtures/README.md', () => {
    const available = availableHoursByEmployee(scenarioView(load('tiny.json')), horizonMondays('2027-01-04', 4), false);
    expect(Object.fromEntries(available)).toEqual({ p1: [40, 24, 32, 40], p2: [40, 40, 32, 40], p3: [24, 24, 24, 24], p4: [20, 20, 40, 32] });
  });

  it('counts requested PTO only when asked', () => {
    const available = availableHoursByEmployee(scenarioView(load('tiny.json')), horizonMondays('2027-01-04', 4), true);
    expect(available.get('p2')).toEqual([40, 40, 32, 32]);
  });

  it('expands to the hand-checked lines', () => {
    const lines = expectedLines(scenarioView(load('tiny.json')), horizonMondays('2027-01-04', 4), {});
    expect(lines.map((l) => [l.lineId, l.probability, l.start, l.weeks])).toEqual([
      ['o-2#1', 0.5, '2027-01-06', ['2027-01-04', '2027-01-11', '2027-01-18']],
      ['o-2#2', 0.5, '2027-01-13', ['2027-01-11', '2027-01-18']],
      ['role-1a', 1, '2027-01-04', ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25']],
    ]);
  });
});
