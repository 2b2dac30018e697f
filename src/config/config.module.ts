import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG } from './config.tokens.js';
import type { AppConfig } from './app-config.js';

/**
 * Makes the validated AppConfig injectable everywhere: `@Inject(APP_CONFIG) config: AppConfig`.
 * The config is loaded once by main.ts (or a test) and passed in, so a bad environment never gets this far.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
