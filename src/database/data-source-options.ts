import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * The TypeORM options for the configured database. Migrations run at start; synchronize stays off so the
 * schema only ever changes through a reviewed migration.
 */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: true, synchronize: false, logging: false } as const;
  if (database.kind === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      schema: database.schema,
      // Unqualified names (the migrations' tables) resolve in the configured schema.
      extra: database.schema ? { options: `-c search_path=${database.schema}` } : undefined,
    };
  }
  if (database.url !== ':memory:') mkdirSync(dirname(database.url), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.url,
    // WAL lets readers proceed during a batch write; foreign keys make child rows follow their parent.
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
