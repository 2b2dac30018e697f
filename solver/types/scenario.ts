/** The canonical scenario: the data contract of DESIGN.md §3. Pure types; dates are ISO `YYYY-MM-DD`. */

export type IsoDate = string; // YYYY-MM-DD
export type IsoDateTime = string; // ISO-8601 with offset

export interface EmployeeSkill {
  skill: string;
  level: number; // 1-5
  certified?: boolean;
  /** Absent, null or "" all mean "does not expire" (solver and checker read them alike). */
  certificationExpires?: IsoDate;
}

export interface Employee {
  id: string;
  name: string;
  email?: string;
  location: string;
  timeZone: string;
  holidayCalendar?: string;
  title?: string;
  level?: string | number;
  costRate: number;
  currency: string;
  weeklyHours?: number; // default 40
  workingDays?: number[]; // ISO weekdays 1-7, default [1..5]
  startDate?: IsoDate;
  endDate?: IsoDate;
  utilizationTarget?: number;
  skills: EmployeeSkill[];
  updatedAt: IsoDateTime;
}

export type TimeOffStatus = 'approved' | 'requested' | 'cancelled';

export interface TimeOff {
  id: string;
  employeeId: string;
  start: IsoDate;
  end: IsoDate; // inclusive
  hoursPerDay?: number; // absent = the whole day
  status: TimeOffStatus;
  updatedAt: IsoDateTime;
}

export interface CurrentAssignment {
  id: string;
  employeeId: string;
  projectId: string;
  start: IsoDate;
  rollOffDate: IsoDate;
  hoursPerWeek: number;
  billable: boolean;
  updatedAt: IsoDateTime;
}

export interface HolidayCalendar {
  code: string;
  name: string;
  dates: { date: IsoDate; name: string }[];
}

export interface Account {
  id: string;
  name: string;
  industry?: string;
  region?: string;
  segment?: string;
  employeeCount?: number;
  updatedAt: IsoDateTime;
}

export interface OpportunityRole {
  id: string;
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount?: number; // default 1
  startOffsetWeeks?: number; // default 0
  durationWeeks?: number;
  location?: string;
  remoteAllowed?: boolean; // default false
  requiresCertification?: boolean; // default false
}

export type OpportunityStatus = 'open' | 'won' | 'lost';

export interface Opportunity {
  id: string;
  accountId: string;
  name: string;
  stage: string;
  probability: number; // 0-1
  closeDate: IsoDate;
  expectedStart: IsoDate;
  durationWeeks?: number;
  projectType?: string;
  territory?: string;
  amount?: number;
  currency?: string;
  status: OpportunityStatus;
  roles?: OpportunityRole[];
  updatedAt: IsoDateTime;
}

export interface LeadForecast {
  id: string;
  period: string; // YYYY-MM
  projectType: string;
  leads: number;
  leadToOpportunityRate: number;
  winRate: number;
  lagWeeks: number;
  updatedAt: IsoDateTime;
}

export interface ProjectTypeRole {
  skill: string;
  minLevel: number;
  hoursPerWeek: number;
  headcount?: number;
  startOffsetWeeks?: number;
  durationWeeks?: number;
}

export interface ProjectType {
  code: string;
  name: string;
  durationWeeks: number;
  roles: ProjectTypeRole[];
}

export interface SkillDefinition {
  code: string;
  name: string;
  adjacent?: string[];
}

export interface RateCard {
  skill: string;
  level: number;
  billRate: number;
  currency: string;
}

export interface ExchangeRate {
  currency: string;
  rateToBase: number; // amount × rateToBase = amount in the base currency
  asOf: IsoDate;
}

export interface HiringPolicy {
  defaultLeadTimeWeeks: number;
  leadTimes?: { skill?: string; location?: string; weeks: number }[];
  contractorRateMultiplier: number;
  contractorLeadTimeWeeks: number;
  minFteGap: number;
  minShortageWeeks: number;
  minEmployeeShare?: number; // default 0.8
  /** Weeks to retrain a person into an adjacent skill (hiring forecast; default 4). Added for issue 5. */
  reskillLeadTimeWeeks?: number;
  /** Training hours per reskilled person, charged at their cost rate (hiring forecast; default 80). Added for issue 5. */
  reskillTrainingHours?: number;
}

export interface Scenario {
  employees?: Employee[];
  timeOff?: TimeOff[];
  assignments?: CurrentAssignment[];
  holidayCalendars?: HolidayCalendar[];
  accounts?: Account[];
  opportunities?: Opportunity[];
  leadForecasts?: LeadForecast[];
  projectTypes?: ProjectType[];
  skills?: SkillDefinition[];
  rateCards?: RateCard[];
  exchangeRates?: ExchangeRate[];
  hiringPolicy?: HiringPolicy;
}

