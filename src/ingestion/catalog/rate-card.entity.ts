import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CatalogEntryColumns, MONEY_COLUMN } from '../../database/record-columns.js';

/** Keyed by (skill, level, currency); `id` is that key as `skill:level:currency` so it fits a URL. */
@Entity('rate_cards')
@Index('idx_rate_cards_skill_level', ['skill', 'level'])
export class RateCardEntity extends CatalogEntryColumns {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  id: string;

  @Column(CODE_COLUMN)
  skill: string;

  @Column({ type: 'integer' })
  level: number;

  @Column(MONEY_COLUMN)
  billRate: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;
}
