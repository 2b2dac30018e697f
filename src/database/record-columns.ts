import { Column, PrimaryColumn } from 'typeorm';

/**
 * A source record's id and version stamp: its updatedAt as sent (returned unchanged) and normalized to UTC
 * (compared, so `+02:00` and `Z` order correctly). Live records and tombstones both carry it, so a replay
 * is compared against either the same way.
 */
export abstract class SourceVersionColumns {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  updatedAt: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAtUtc: string;
}

/**
 * Columns every source-system record (HCM, CRM, MAS) carries: its id and version stamp, the hash of the
 * canonical record (an identical replay is "unchanged") and when this service last wrote it.
 */
export abstract class SourceRecordColumns extends SourceVersionColumns {
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 30 })
  ingestedAt: string;
}

/** Columns of catalog entries: keyed by a natural key, a new version replaces the old whole. */
export abstract class CatalogEntryColumns {
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 30 })
  ingestedAt: string;
}

/** Dates are plain calendar dates (`YYYY-MM-DD`, DESIGN.md §3): stored as text, never time-zone converted. */
export const DATE_COLUMN = { type: 'varchar', length: 10 } as const;
export const OPTIONAL_DATE_COLUMN = { type: 'varchar', length: 10, nullable: true } as const;
export const MONEY_COLUMN = { type: 'double precision' } as const;
export const CODE_COLUMN = { type: 'varchar', length: 100 } as const;
