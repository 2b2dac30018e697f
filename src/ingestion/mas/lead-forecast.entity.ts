import { Column, Entity, Index } from 'typeorm';
import { CODE_COLUMN, SourceRecordColumns } from '../../database/record-columns.js';

@Entity('lead_forecasts')
export class LeadForecastEntity extends SourceRecordColumns {
  /** YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Index('idx_lead_forecasts_project_type')
  @Column(CODE_COLUMN)
  projectType: string;

  @Column({ type: 'double precision' })
  leads: number;

  @Column({ type: 'double precision' })
  leadToOpportunityRate: number;

  @Column({ type: 'double precision' })
  winRate: number;

  @Column({ type: 'integer' })
  lagWeeks: number;
}
