import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { LoggingModule } from './common/logging.module.js';
import { HealthModule } from './health/health.module.js';
import { modulesForRole, servesHttp, type AppRole } from './app.roles.js';

/** The root module, assembled for a process role: the shared core plus the role's feature modules. */
@Module({})
export class AppModule {
  static forRole(role: AppRole, config: AppConfig): DynamicModule {
    const core = [ConfigModule.forRoot(config), LoggingModule, DatabaseModule];
    const http = servesHttp(role) ? [HealthModule] : [];
    return { module: AppModule, imports: [...core, ...http, ...modulesForRole(role)] };
  }
}
