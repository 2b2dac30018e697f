import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CatalogEntryColumns } from '../../database/record-columns.js';
import { RoleLineColumns } from '../shared/role-line-columns.js';

@Entity('project_types')
export class ProjectTypeEntity extends CatalogEntryColumns {
  @PrimaryColumn(CODE_COLUMN)
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'integer' })
  durationWeeks: number;

  @OneToMany(() => ProjectTypeRoleEntity, (role) => role.projectType, { cascade: ['insert'] })
  roles: ProjectTypeRoleEntity[];
}

/** A project type's role, identified by its 1-based position (it names line `<opportunityId>#<n>`). */
@Entity('project_type_roles')
@Index('idx_project_type_roles_skill', ['skill'])
export class ProjectTypeRoleEntity extends RoleLineColumns {
  @PrimaryColumn(CODE_COLUMN)
  projectTypeCode: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @ManyToOne(() => ProjectTypeEntity, (type) => type.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectTypeCode' })
  projectType?: ProjectTypeEntity;
}
