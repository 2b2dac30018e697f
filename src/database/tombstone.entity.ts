import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SourceVersionColumns } from './record-columns.js';

/**
 * What is left of a source record after the source deleted it: its id and the delete's updatedAt. The
 * record's data is removed; the tombstone makes an older replay of the record report "stale" instead of
 * bringing it back. A newer update (the source re-created it) replaces the tombstone.
 */
@Entity('tombstones')
export class TombstoneEntity extends SourceVersionColumns {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  collection: string;

  @Column({ type: 'varchar', length: 30 })
  deletedAt: string;
}
