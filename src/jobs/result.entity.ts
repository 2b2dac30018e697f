import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The document a job produced (a StaffingPlan, CapacityForecast, …), one per job. */
@Entity('results')
export class ResultEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('idx_results_job', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  jobId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'simple-json' })
  document: unknown;

  @Column({ type: 'varchar', length: 30 })
  createdAt: string;
}
