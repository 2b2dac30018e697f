import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { AppError } from '../common/app-error.js';
import { ApiKeyStoreModule } from './auth.module.js';
import { ApiKeyService } from './api-key.service.js';

const USAGE = [
  'usage: node dist/src/main.js keys create --name NAME --scopes SCOPE[,SCOPE…]',
  '       node dist/src/main.js keys revoke ID',
  '       node dist/src/main.js keys list',
].join('\n');

/**
 * Key management from the service binary, straight on the configured store (no running server, no key
 * needed): for the operator who installs the service. Returns the process exit code.
 */
export async function keysCommand(argv: string[], config: AppConfig): Promise<number> {
  const [action, ...rest] = argv;
  if (!['create', 'revoke', 'list'].includes(action ?? '')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, ApiKeyStoreModule] })
  class KeysCommandModule {}
  const context = await NestFactory.createApplicationContext(KeysCommandModule, { logger: ['error'] });
  try {
    return await runKeysAction(context.get(ApiKeyService), action, rest);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`keys ${action}: ${error.message}\n`);
    return 1;
  } finally {
    await context.close();
  }
}

async function runKeysAction(keys: ApiKeyService, action: string, args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (action === 'list') {
    for (const key of await keys.list()) {
      const state = key.revokedAt ? `revoked ${key.revokedAt}` : 'active';
      process.stdout.write(`${key.id}\t${key.name}\t${key.scopes.join(',')}\t${state}\n`);
    }
    return 0;
  }
  if (action === 'revoke') {
    const id = options.positional[0];
    if (!id) return usage();
    const key = await keys.revoke(id);
    process.stdout.write(`revoked ${key.id} (${key.name})\n`);
    return 0;
  }
  const name = options.named.get('name');
  const scopes = options.named.get('scopes');
  if (!name || !scopes) return usage();
  const created = await keys.create(name, scopes.split(',').map((s) => s.trim()).filter(Boolean));
  process.stdout.write(`created key ${created.id} for ${created.name} (${created.scopes.join(',')}); shown only once:\n${created.key}\n`);
  return 0;
}

function usage(): number {
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

function parseOptions(args: string[]): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      const [name, inline] = args[i].slice(2).split('=', 2);
      named.set(name, inline ?? args[++i] ?? '');
    } else {
      positional.push(args[i]);
    }
  }
  return { positional, named };
}
