import { Column, Entity } from 'typeorm';
import { SourceRecordColumns } from '../../database/record-columns.js';

@Entity('accounts')
export class AccountEntity extends SourceRecordColumns {
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  industry: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  segment: string | null;

  @Column({ type: 'integer', nullable: true })
  employeeCount: number | null;
}
