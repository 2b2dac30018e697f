/**
 * The service's configuration, read from the environment once at boot and validated as a whole:
 * a wrong value stops the process with a message naming every bad variable (`ConfigError`).
 */
export type DatabaseKind = 'better-sqlite3' | 'postgres';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  database: { kind: DatabaseKind; url: string; schema?: string };
  redisUrl: string;
  adminKey?: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: LogLevel;
}

export const DEFAULT_SQLITE_FILE = './data/staffplan.sqlite';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ADMIN_KEY_PATTERN = /^sp_[a-z0-9]+_[A-Za-z0-9_-]{16,}$/;
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and checks every variable; throws one ConfigError listing all problems. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const config: AppConfig = {
    port: readInteger(env, 'PORT', 3000, 0, 65535, problems),
    database: readDatabase(env, problems),
    redisUrl: readRedisUrl(env, problems),
    adminKey: readAdminKey(env, problems),
    bodyLimitBytes: readByteSize(env, 'BODY_LIMIT', 5 * 1024 * 1024, problems),
    rateLimitPerMinute: readInteger(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000, problems),
    logLevel: readLogLevel(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** Unset: the embedded SQLite file. `postgres://…`: PostgreSQL. `sqlite:PATH` or `:memory:`: another SQLite file. */
function readDatabase(env: Env, problems: string[]): AppConfig['database'] {
  const raw = env.DATABASE_URL?.trim();
  const schema = env.DATABASE_SCHEMA?.trim() || undefined;
  if (schema !== undefined && !SCHEMA_PATTERN.test(schema)) {
    problems.push(`DATABASE_SCHEMA must be a lower-case SQL identifier (got "${schema}")`);
  }
  if (!raw) return { kind: 'better-sqlite3', url: DEFAULT_SQLITE_FILE };
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      problems.push(`DATABASE_URL is not a valid postgres:// URL`);
    }
    return { kind: 'postgres', url: raw, schema };
  }
  if (raw === ':memory:') return { kind: 'better-sqlite3', url: raw };
  if (raw.startsWith('sqlite:')) return { kind: 'better-sqlite3', url: raw.slice('sqlite:'.length) };
  problems.push(`DATABASE_URL must start with postgres:// or sqlite: (got "${raw.split(':')[0]}:…")`);
  return { kind: 'better-sqlite3', url: DEFAULT_SQLITE_FILE };
}

function readRedisUrl(env: Env, problems: string[]): string {
  const raw = env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\/[^\s]+$/.test(raw)) problems.push(`REDIS_URL must be a redis:// or rediss:// URL (got "${raw}")`);
  return raw;
}

function readAdminKey(env: Env, problems: string[]): string | undefined {
  const raw = env.STAFFPLAN_ADMIN_KEY?.trim();
  if (!raw) return undefined;
  if (!ADMIN_KEY_PATTERN.test(raw)) {
    problems.push('STAFFPLAN_ADMIN_KEY must look like sp_<id>_<secret> (id: a-z0-9, secret: 16+ of A-Za-z0-9_-)');
    return undefined;
  }
  return raw;
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2 };

/** Accepts a byte count or a size such as 512kb / 5mb. */
function readByteSize(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  const match = /^(\d+)(b|kb|mb)?$/.exec(raw);
  const bytes = match ? Number(match[1]) * UNITS[match[2] ?? 'b'] : NaN;
  if (!Number.isFinite(bytes) || bytes < 1024 || bytes > 100 * 1024 ** 2) {
    problems.push(`${name} must be a size between 1kb and 100mb such as 512kb or 5mb (got "${env[name]}")`);
    return fallback;
  }
  return bytes;
}

function readLogLevel(env: Env, problems: string[]): LogLevel {
  const raw = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(raw)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
    return 'info';
  }
  return raw;
}
