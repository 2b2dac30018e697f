import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CatalogEntryColumns, DATE_COLUMN } from '../../database/record-columns.js';

@Entity('exchange_rates')
export class ExchangeRateEntity extends CatalogEntryColumns {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  currency: string;

  /** amount × rateToBase = amount in the base currency (the one whose rate is 1). */
  @Column({ type: 'double precision' })
  rateToBase: number;

  @Column(DATE_COLUMN)
  asOf: string;
}
