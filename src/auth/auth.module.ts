import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminKeySeeder } from './admin-key.seeder.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeysController } from './api-keys.controller.js';
import { RateLimitGuard } from './rate-limit.guard.js';

/** Keys for the core of the HTTP role: who may call (ApiKeyGuard + @Scopes) and how often (per key). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ApiKeyEntity]),
  ],
  controllers: [ApiKeysController],
  providers: [
    ApiKeyService,
    AdminKeySeeder,
    // Global guards run in this order: authenticate first, so the rate limit counts per key.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [ApiKeyService],
})
export class AuthModule {}

/** Just the key store, for the `keys` command of the service binary (no HTTP, no seeding). */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity])],
  providers: [ApiKeyService],
  exports: [ApiKeyService],
})
export class ApiKeyStoreModule {}
