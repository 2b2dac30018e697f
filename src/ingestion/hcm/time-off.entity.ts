import { Column, Entity, Index } from 'typeorm';
import { DATE_COLUMN, SourceRecordColumns } from '../../database/record-columns.js';

@Entity('time_off')
export class TimeOffEntity extends SourceRecordColumns {
  @Index('idx_time_off_employee')
  @Column({ type: 'varchar', length: 200 })
  employeeId: string;

  @Column(DATE_COLUMN)
  start: string;

  @Column(DATE_COLUMN)
  end: string;

  @Column({ type: 'double precision', nullable: true })
  hoursPerDay: number | null;

  @Column({ type: 'varchar', length: 20 })
  status: string;
}
