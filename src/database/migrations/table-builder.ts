import { Table, TableForeignKey, TableIndex, type TableColumnOptions } from 'typeorm';

/**
 * Small helpers so hand-written migrations read like a schema and run unchanged on better-sqlite3 and
 * PostgreSQL: only portable types (varchar, text, integer, double precision, boolean) are used.
 */
type Portable = 'varchar' | 'text' | 'integer' | 'double precision' | 'boolean';

export function column(name: string, type: Portable, options: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type, isNullable: false, ...options };
}

export const text = (name: string, length: number) => column(name, 'varchar', { length: String(length) });
export const optionalText = (name: string, length: number) =>
  column(name, 'varchar', { length: String(length), isNullable: true });
export const key = (name: string, length: number) => column(name, 'varchar', { length: String(length), isPrimary: true });
export const date = (name: string) => text(name, 10);
export const optionalDate = (name: string) => optionalText(name, 10);
export const integer = (name: string) => column(name, 'integer');
export const optionalInteger = (name: string) => column(name, 'integer', { isNullable: true });
export const decimal = (name: string) => column(name, 'double precision');
export const optionalDecimal = (name: string) => column(name, 'double precision', { isNullable: true });
export const flag = (name: string) => column(name, 'boolean');
export const optionalFlag = (name: string) => column(name, 'boolean', { isNullable: true });
export const json = (name: string) => column(name, 'text');
export const optionalJson = (name: string) => column(name, 'text', { isNullable: true });

/** The four columns of every source record (see SourceRecordColumns). */
export function sourceRecordColumns(): TableColumnOptions[] {
  return [key('id', 200), text('updatedAt', 40), text('updatedAtUtc', 30), text('contentHash', 64), text('ingestedAt', 30)];
}

export function catalogColumns(): TableColumnOptions[] {
  return [text('contentHash', 64), text('ingestedAt', 30)];
}

export function table(name: string, columns: TableColumnOptions[], extra: Partial<ConstructorParameters<typeof Table>[0]> = {}): Table {
  return new Table({ name, columns, ...extra });
}

export function index(name: string, columnNames: string[], isUnique = false): TableIndex {
  return new TableIndex({ name, columnNames, isUnique });
}

/** A child row disappears with its parent. */
export function parentKey(name: string, columnNames: string[], referencedTableName: string, referencedColumnNames: string[]): TableForeignKey {
  return new TableForeignKey({ name, columnNames, referencedTableName, referencedColumnNames, onDelete: 'CASCADE' });
}
