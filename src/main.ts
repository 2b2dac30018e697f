import 'reflect-metadata';
import { keysCommand } from './auth/keys.command.js';
import { isAppRole, APP_ROLES } from './app.roles.js';
import { startProcess } from './bootstrap.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';

/**
 * `node dist/src/main.js [api|worker|all]` starts the service in a role (default all);
 * `node dist/src/main.js keys …` manages API keys on the configured store.
 */
async function main(argv: string[]): Promise<number | null> {
  const [command = 'all', ...rest] = argv;
  const config = configOrExit();
  if (command === 'keys') return keysCommand(rest, config);
  if (!isAppRole(command)) {
    process.stderr.write(`unknown role "${command}": use one of ${APP_ROLES.join(', ')}, or "keys"\n`);
    return 2;
  }
  await startProcess(command, config);
  return null;
}

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`staffplan: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`staffplan: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
