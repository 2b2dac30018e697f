/**
 * Static reference data the scenario generator draws from: offices with their holiday calendars and
 * pay levels, and skill families with their market rates. Realistic shapes, invented numbers.
 */
import type { HolidayCalendar } from '../solver/types.js';

export interface Office {
  code: string; // also the holiday calendar's code
  timeZone: string;
  currency: 'USD' | 'EUR';
  /** Hourly cost of a level-3 person in the office's currency. */
  baseCost: number;
  /** Share of the firm's people working here (relative weight). */
  weight: number;
}

export const OFFICES: Office[] = [
  { code: 'NYC', timeZone: 'America/New_York', currency: 'USD', baseCost: 85, weight: 3 },
  { code: 'BER', timeZone: 'Europe/Berlin', currency: 'EUR', baseCost: 70, weight: 2 },
  { code: 'BLR', timeZone: 'Asia/Kolkata', currency: 'USD', baseCost: 28, weight: 3 },
  { code: 'LON', timeZone: 'Europe/London', currency: 'USD', baseCost: 80, weight: 2 },
  { code: 'PAR', timeZone: 'Europe/Paris', currency: 'EUR', baseCost: 68, weight: 1.5 },
];

/** Public holidays per office, 2027 and 2028 (the horizon reaches at most 52 weeks past 2027-01-04). */
const HOLIDAYS: Record<string, [string, string][]> = {
  NYC: [
    ['01-01', "New Year's Day"], ['01-18', 'Martin Luther King Jr. Day'], ['02-15', "Presidents' Day"],
    ['05-31', 'Memorial Day'], ['06-18', 'Juneteenth (observed)'], ['07-05', 'Independence Day (observed)'],
    ['09-06', 'Labor Day'], ['11-25', 'Thanksgiving'], ['11-26', 'Day after Thanksgiving'],
    ['12-24', 'Christmas Day (observed)'],
  ],
  BER: [
    ['01-01', 'Neujahr'], ['03-08', 'Frauentag'], ['03-26', 'Karfreitag'], ['03-29', 'Ostermontag'],
    ['05-01', 'Tag der Arbeit'], ['05-06', 'Christi Himmelfahrt'], ['05-17', 'Pfingstmontag'],
    ['10-03', 'Tag der Deutschen Einheit'], ['12-25', '1. Weihnachtstag'], ['12-26', '2. Weihnachtstag'],
  ],
  BLR: [
    ['01-14', 'Makara Sankranti'], ['01-26', 'Republic Day'], ['03-22', 'Holi'], ['04-14', 'Ambedkar Jayanti'],
    ['05-01', 'May Day'], ['08-15', 'Independence Day'], ['10-02', 'Gandhi Jayanti'], ['10-29', 'Diwali'],
    ['11-01', 'Kannada Rajyotsava'], ['12-25', 'Christmas'],
  ],
  LON: [
    ['01-01', "New Year's Day"], ['03-26', 'Good Friday'], ['03-29', 'Easter Monday'],
    ['05-03', 'Early May bank holiday'], ['05-31', 'Spring bank holiday'], ['08-30', 'Summer bank holiday'],
    ['12-27', 'Christmas Day (substitute)'], ['12-28', 'Boxing Day (substitute)'],
  ],
  PAR: [
    ['01-01', "Jour de l'an"], ['03-29', 'Lundi de Pâques'], ['05-01', 'Fête du Travail'],
    ['05-08', 'Victoire 1945'], ['05-06', 'Ascension'], ['05-17', 'Lundi de Pentecôte'],
    ['07-14', 'Fête nationale'], ['08-16', 'Assomption (pont)'], ['11-01', 'Toussaint'],
    ['11-11', 'Armistice'], ['12-25', 'Noël'],
  ],
};

export function holidayCalendar(office: Office): HolidayCalendar {
  const dates = [2027, 2028].flatMap((year) =>
    HOLIDAYS[office.code].map(([monthDay, name]) => ({ date: `${year}-${monthDay}`, name })),
  );
  return { code: office.code, name: `${office.code} public holidays`, dates };
}

export interface SkillFamily {
  family: string;
  /** Skills of the family; the first ones are the most common in the market. */
  skills: string[];
  /** USD per hour billed for a level-3 person. */
  baseBillRate: number;
  /** Skills where clients ask for a vendor certification. */
  certifiable: string[];
}

export const SKILL_FAMILIES: SkillFamily[] = [
  { family: 'engineering', skills: ['java', 'typescript', 'python', 'dotnet', 'go', 'react', 'kotlin', 'scala'], baseBillRate: 150, certifiable: [] },
  { family: 'cloud', skills: ['aws', 'azure', 'gcp', 'kubernetes', 'terraform', 'devops'], baseBillRate: 170, certifiable: ['aws', 'azure', 'gcp', 'kubernetes'] },
  { family: 'data', skills: ['sql', 'data-engineering', 'machine-learning', 'power-bi', 'tableau', 'snowflake', 'databricks'], baseBillRate: 165, certifiable: ['snowflake', 'databricks'] },
  { family: 'enterprise', skills: ['sap-fi', 'sap-mm', 'sap-sd', 'salesforce', 'servicenow', 'workday', 'dynamics-365'], baseBillRate: 190, certifiable: ['sap-fi', 'sap-mm', 'sap-sd', 'salesforce', 'servicenow', 'workday'] },
  { family: 'delivery', skills: ['project-management', 'scrum-master', 'business-analysis', 'change-management', 'program-management'], baseBillRate: 140, certifiable: ['project-management'] },
  { family: 'design', skills: ['ux-research', 'ui-design', 'service-design'], baseBillRate: 135, certifiable: [] },
  { family: 'security', skills: ['security-architecture', 'iam', 'penetration-testing', 'grc'], baseBillRate: 185, certifiable: ['penetration-testing', 'grc'] },
  { family: 'quality', skills: ['test-automation', 'performance-testing', 'manual-testing'], baseBillRate: 110, certifiable: [] },
];

/** Industry specialisations that multiply the skill list for the largest firms (e.g. `sap-fi/banking`). */
export const INDUSTRIES = ['banking', 'retail', 'public-sector', 'healthcare', 'energy'];

export interface SkillEntry {
  code: string;
  family: SkillFamily;
  certifiable: boolean;
}

/** The firm's skill list: base skills round-robin across families, then industry variants. */
export function skillCatalog(count: number): SkillEntry[] {
  const base: SkillEntry[] = [];
  const longest = Math.max(...SKILL_FAMILIES.map((family) => family.skills.length));
  for (let position = 0; position < longest; position++) {
    for (const family of SKILL_FAMILIES) {
      const code = family.skills[position];
      if (code) base.push({ code, family, certifiable: family.certifiable.includes(code) });
    }
  }
  const entries = base.slice(0, count);
  for (let variant = 0; entries.length < count; variant++) {
    const industry = INDUSTRIES[Math.floor(variant / base.length) % INDUSTRIES.length];
    const skill = base[variant % base.length];
    entries.push({ ...skill, code: `${skill.code}/${industry}` });
  }
  return entries;
}
