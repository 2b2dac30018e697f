import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CODE_COLUMN, CatalogEntryColumns } from '../../database/record-columns.js';

@Entity('holiday_calendars')
export class HolidayCalendarEntity extends CatalogEntryColumns {
  @PrimaryColumn(CODE_COLUMN)
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Always read and replaced whole with its calendar, never queried alone. */
  @Column({ type: 'simple-json' })
  dates: { date: string; name: string }[];
}
