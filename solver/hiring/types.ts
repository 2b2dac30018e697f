/** The hiring forecast HR reads (issue 5): whom to hire, contract or reskill, where and by when. */
import type { BackendName, Horizon, IsoDate, Progress } from '../types.js';

export interface HiringOptions {
  minProbability?: number;
  countRequestedPto?: boolean;
  /** MAS projected demand counts (default true: hiring looks beyond the CRM horizon). */
  includeLeadForecasts?: boolean;
  /** Weeks from horizon.from that belong to the CRM pipeline (default 13): MAS demand counts only after them. */
  crmHorizonWeeks?: number;
  backend?: BackendName | 'auto';
  /** Spread over the shortage flow LPs and the cost LP; the cost LP gets what the shortage left. */
  timeLimitSeconds?: number;
  /** Progress per shortage week, then the cost model (phases 'shortage', 'actions', 'signals'). */
  onProgress?: (progress: Progress) => void;
  /** Checked between LPs: once true the forecast stops with a HiringStoppedError (no partial forecast is valid). */
  shouldStop?: () => boolean;
}

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
