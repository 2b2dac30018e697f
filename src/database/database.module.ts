import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { StoreTransactions } from './store-transactions.js';

/** The one DataSource of the process (SQLite by default, PostgreSQL when DATABASE_URL says so). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.database), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  providers: [StoreTransactions],
  exports: [StoreTransactions],
})
export class DatabaseModule {}
