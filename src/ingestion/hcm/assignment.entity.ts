import { Column, Entity, Index } from 'typeorm';
import { DATE_COLUMN, SourceRecordColumns } from '../../database/record-columns.js';

/** A current commitment to already-staffed work: it only reduces available hours until its roll-off date. */
@Entity('assignments')
export class AssignmentEntity extends SourceRecordColumns {
  @Index('idx_assignments_employee')
  @Column({ type: 'varchar', length: 200 })
  employeeId: string;

  @Column({ type: 'varchar', length: 200 })
  projectId: string;

  @Column(DATE_COLUMN)
  start: string;

  @Column(DATE_COLUMN)
  rollOffDate: string;

  @Column({ type: 'double precision' })
  hoursPerWeek: number;

  @Column({ type: 'boolean' })
  billable: boolean;
}
