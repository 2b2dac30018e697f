import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import {
  CODE_COLUMN,
  MONEY_COLUMN,
  OPTIONAL_DATE_COLUMN,
  SourceRecordColumns,
} from '../../database/record-columns.js';

@Entity('employees')
export class EmployeeEntity extends SourceRecordColumns {
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  email: string | null;

  @Index('idx_employees_location')
  @Column(CODE_COLUMN)
  location: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ ...CODE_COLUMN, nullable: true })
  holidayCalendar: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  /** The contract allows a string or a number: kept as JSON so the type survives the round trip. */
  @Column({ type: 'simple-json', nullable: true })
  level: string | number | null;

  @Column(MONEY_COLUMN)
  costRate: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'double precision', nullable: true })
  weeklyHours: number | null;

  @Column({ type: 'simple-json', nullable: true })
  workingDays: number[] | null;

  @Column(OPTIONAL_DATE_COLUMN)
  startDate: string | null;

  @Column(OPTIONAL_DATE_COLUMN)
  endDate: string | null;

  @Column({ type: 'double precision', nullable: true })
  utilizationTarget: number | null;

  @OneToMany(() => EmployeeSkillEntity, (skill) => skill.employee, { cascade: ['insert'] })
  skills: EmployeeSkillEntity[];
}

/** One row per (employee, skill): "who holds skill X at level ≥ N" is an indexed query. */
@Entity('employee_skills')
@Index('idx_employee_skills_skill_level', ['skill', 'level'])
export class EmployeeSkillEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  employeeId: string;

  @PrimaryColumn(CODE_COLUMN)
  skill: string;

  /** The skill's position in the source's list, so a read gives the list back in the order sent. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'integer' })
  level: number;

  @Column({ type: 'boolean', nullable: true })
  certified: boolean | null;

  @Column(OPTIONAL_DATE_COLUMN)
  certificationExpires: string | null;

  @ManyToOne(() => EmployeeEntity, (employee) => employee.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employeeId' })
  employee?: EmployeeEntity;
}
