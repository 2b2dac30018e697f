import type { LeadForecast } from '../../../solver/types.js';
import type { CollectionSpec } from '../shared/collection-spec.js';
import { equals } from '../shared/mapping.js';
import { LeadForecastEntity } from './lead-forecast.entity.js';

export const LEAD_FORECASTS: CollectionSpec<LeadForecast, LeadForecastEntity> = {
  name: 'leadForecasts',
  entity: LeadForecastEntity,
  keyColumn: 'id',
  versioned: true,
  children: [],
  keyOf: (forecast) => forecast.id,
  toEntity: (f) =>
    Object.assign(new LeadForecastEntity(), {
      id: f.id, period: f.period, projectType: f.projectType, leads: f.leads, leadToOpportunityRate: f.leadToOpportunityRate,
      winRate: f.winRate, lagWeeks: f.lagWeeks, updatedAt: f.updatedAt,
    }),
  toRecord: (row) => ({
    id: row.id, period: row.period, projectType: row.projectType, leads: row.leads,
    leadToOpportunityRate: row.leadToOpportunityRate, winRate: row.winRate, lagWeeks: row.lagWeeks, updatedAt: row.updatedAt,
  }),
  filters: { projectType: equals('projectType'), period: equals('period') },
};
