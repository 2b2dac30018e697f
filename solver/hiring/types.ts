/** The hiring forecast HR reads (issue 5): whom to hire, contract or reskill, where and by when. */
import type { ForecastOptions } from '../forecast/index.js';
import type { Horizon, IsoDate } from '../types.js';

/**
 * The capacity forecast's options (the shortage comes from it) without its bucket; the same fields mean the same,
 * except: MAS projected demand counts by default (hiring looks beyond the CRM horizon), the time limit is spread
 * over the shortage flow LPs and the cost LP, progress runs 'shortage' → 'actions' → 'signals', and a stop
 * throws HiringStoppedError (no partial forecast is valid).
 */
export type HiringOptions = Omit<ForecastOptions, 'bucket'>;

export type HiringAction = 'hire' | 'contract' | 'reskill';

export interface HiringSignal {
  skill: string;
  location: string; // where to hire / whose people to reskill / where the contractor works; location-free demand is placed by placement.ts (never `*`)
  action: HiringAction;
  fte: number; // hires: FTE hired; contract/reskill: average weekly covered hours ÷ 40
  people?: number; // reskill: people to train
  fromSkills?: string[]; // reskill: the adjacent skills they come from
  neededBy: IsoDate; // first covered week − lead time of the action
  leadTimeWeeks: number;
  firstShortWeek: IsoDate;
  lastShortWeek: IsoDate;
  shortageWeeks: number; // weeks the action covers
  longestRunWeeks: number; // longest run of consecutive covered weeks
  shortageHours: number; // expected hours the action covers
  confidence: number; // share of those hours that rests on won work (the rest: open pipeline and MAS)
  wonHours: number;
  pipelineHours: number;
  projectedHours: number; // MAS
  expectedUtilization: number; // hires: used ÷ hired hours; contract: 1; reskill: used ÷ trained people's hours
  cost: number; // base currency, over the horizon
  lines: string[]; // demand lines behind it
}

export interface InDemandSkill {
  skill: string;
  shortageHours: number; // expected hours the firm's people cannot cover (capacity forecast gap)
  revenueAtStake: number; // shortage hours × the rate card at the lines' minimum level (base currency)
  shortWeeks: number;
  locations: string[];
  rankByShortage: number;
  rankByRevenue: number;
}

export interface HiringForecast {
  horizon: Horizon;
  options: { minProbability: number; countRequestedPto: boolean; includeLeadForecasts: boolean; crmHorizonWeeks: number };
  baseCurrency: string;
  signals: HiringSignal[];
  /** Covered by an action but below the policy thresholds (too short or too small to signal). */
  belowThreshold: { skill: string; location: string; action: HiringAction; shortageHours: number; shortageWeeks: number }[];
  /** Expected hours no action can reach in time (before the contractor lead time), per skill and location. */
  unmet: { skill: string; location: string; hours: number }[];
  inDemandSkills: InDemandSkill[];
  totals: { shortageHours: number; hireFte: number; contractHours: number; reskillPeople: number; unmetHours: number; cost: number };
  assumptions: string[];
  solver: { backend: string; status: string; timeMs: number };
}
