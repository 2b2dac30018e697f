import { Column } from 'typeorm';
import { CODE_COLUMN } from '../../database/record-columns.js';

/**
 * What a role line demands, the same on a project type's role and on an opportunity's explicit role
 * (DESIGN.md §1): the skill and level, hours per week, headcount, and when and how long it runs (absent
 * values take the defaults or the opportunity's / project type's duration).
 */
export abstract class RoleLineColumns {
  @Column(CODE_COLUMN)
  skill: string;

  @Column({ type: 'integer' })
  minLevel: number;

  @Column({ type: 'double precision' })
  hoursPerWeek: number;

  @Column({ type: 'integer', nullable: true })
  headcount: number | null;

  @Column({ type: 'integer', nullable: true })
  startOffsetWeeks: number | null;

  @Column({ type: 'integer', nullable: true })
  durationWeeks: number | null;
}
