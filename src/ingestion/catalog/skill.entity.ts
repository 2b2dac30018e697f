import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CatalogEntryColumns } from '../../database/record-columns.js';

@Entity('skills')
export class SkillEntity extends CatalogEntryColumns {
  @PrimaryColumn(CODE_COLUMN)
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Skills a holder can be reskilled into; null when the source sent none. */
  @Column({ type: 'simple-json', nullable: true })
  adjacent: string[] | null;
}
