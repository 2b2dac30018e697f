import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import {
  CODE_COLUMN,
  DATE_COLUMN,
  SourceRecordColumns,
} from '../../database/record-columns.js';
import { RoleLineColumns } from '../shared/role-line-columns.js';

@Entity('opportunities')
export class OpportunityEntity extends SourceRecordColumns {
  @Index('idx_opportunities_account')
  @Column({ type: 'varchar', length: 200 })
  accountId: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  stage: string;

  @Column({ type: 'double precision' })
  probability: number;

  @Column(DATE_COLUMN)
  closeDate: string;

  @Column(DATE_COLUMN)
  expectedStart: string;

  @Column({ type: 'integer', nullable: true })
  durationWeeks: number | null;

  @Column({ ...CODE_COLUMN, nullable: true })
  projectType: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  territory: string | null;

  @Column({ type: 'double precision', nullable: true })
  amount: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency: string | null;

  @Index('idx_opportunities_status')
  @Column({ type: 'varchar', length: 10 })
  status: string;

  /** False when the source sent no `roles` (the project type's roles apply), true for an explicit list. */
  @Column({ type: 'boolean' })
  hasRoles: boolean;

  @OneToMany(() => OpportunityRoleEntity, (role) => role.opportunity, { cascade: ['insert'] })
  roles: OpportunityRoleEntity[];
}

/** A role line; its id is unique across all opportunities (DESIGN.md §3). */
@Entity('opportunity_roles')
@Index('idx_opportunity_roles_skill', ['skill', 'minLevel'])
export class OpportunityRoleEntity extends RoleLineColumns {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Index('idx_opportunity_roles_opportunity')
  @Column({ type: 'varchar', length: 200 })
  opportunityId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ ...CODE_COLUMN, nullable: true })
  location: string | null;

  @Column({ type: 'boolean', nullable: true })
  remoteAllowed: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  requiresCertification: boolean | null;

  @ManyToOne(() => OpportunityEntity, (opportunity) => opportunity.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunityId' })
  opportunity?: OpportunityEntity;
}
