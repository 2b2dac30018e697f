import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { ApiKeyService } from './api-key.service.js';

/**
 * At start: STAFFPLAN_ADMIN_KEY (compose files, CI, scripts) is stored as an admin key; without it, the
 * first start on a store with no active key creates one and prints it once on stdout, so a fresh install
 * is usable and never open.
 */
@Injectable()
export class AdminKeySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminKey) {
      const { revokedAt } = await this.apiKeys.seed(this.config.adminKey, 'admin (STAFFPLAN_ADMIN_KEY)', ['admin']);
      // A revocation is an operator's decision; only a new key (another id) in the setting replaces it.
      if (revokedAt) this.logger.warn(`the admin key from STAFFPLAN_ADMIN_KEY was revoked at ${revokedAt} and stays revoked; set a new key to use one`);
      else this.logger.log('admin key from STAFFPLAN_ADMIN_KEY is active');
      return;
    }
    if ((await this.apiKeys.countActive()) > 0) return;
    const created = await this.apiKeys.create('admin (first start)', ['admin']);
    process.stdout.write(
      `\nstaffplan: no API key existed, so an admin key was created. It is shown only this once:\n\n` +
        `    ${created.key}\n\nCreate per-system keys with it (POST /v1/api-keys) and keep it secret.\n\n`,
    );
  }
}
