import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CatalogEntryColumns } from '../../database/record-columns.js';

/** The firm has one hiring policy: a single row with id `default`. */
@Entity('hiring_policies')
export class HiringPolicyEntity extends CatalogEntryColumns {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  id: string;

  @Column({ type: 'integer' })
  defaultLeadTimeWeeks: number;

  @Column({ type: 'simple-json', nullable: true })
  leadTimes: { skill?: string; location?: string; weeks: number }[] | null;

  @Column({ type: 'double precision' })
  contractorRateMultiplier: number;

  @Column({ type: 'integer' })
  contractorLeadTimeWeeks: number;

  @Column({ type: 'double precision' })
  minFteGap: number;

  @Column({ type: 'integer' })
  minShortageWeeks: number;

  @Column({ type: 'double precision', nullable: true })
  minEmployeeShare: number | null;
}
