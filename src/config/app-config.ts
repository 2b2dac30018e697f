/**
 * The service's configuration, read from the environment once at boot and validated as a whole:
 * a wrong value stops the process with a message naming every bad variable (`ConfigError`).
 */
export type DatabaseKind = 'better-sqlite3' | 'postgres';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  port: number;
  /** METRICS_PORT: the worker role's own /metrics and /health/live listener (unset or 0: none). */
  metricsPort?: number;
  database: { kind: DatabaseKind; url: string; schema?: string };
  redisUrl: string;
  adminKey?: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: LogLevel;
  webhooks: WebhookSettings;
  jobs: JobSettings;
  integrations: IntegrationSettings;
}

/**
 * Inbound vendor adapters (POST /v1/integrations/…): each vendor is enabled by its signing secret; an
 * unset secret leaves the vendor's routes answering 404.
 */
export interface IntegrationSettings {
  /** HUBSPOT_APP_SECRET: the HubSpot app's client secret, which signs X-HubSpot-Signature-v3. */
  hubspotAppSecret?: string;
  /** SALESFORCE_WEBHOOK_SECRET: shared secret of the Salesforce relay (HMAC-SHA256, see src/integrations). */
  salesforceWebhookSecret?: string;
  /**
   * INTEGRATIONS_PUBLIC_URL: the scheme and host vendors call (`https://staffplan.example.com`). HubSpot signs
   * the full URL it called; behind a proxy the service cannot see it. Unset: the request's own protocol and host.
   */
  publicBaseUrl?: string;
}

/**
 * Optimization jobs on BullMQ (issue 4). Every delay is a setting so reliability tests run in seconds;
 * the queue's key prefix is the shared BULLMQ_PREFIX (webhooks.queuePrefix).
 */
export interface JobSettings {
  /** Jobs one worker process solves at once (one solver thread each). */
  concurrency: number;
  /** Tries per job before it fails for good (a ScenarioError fails at once). */
  attempts: number;
  /** Retry n waits backoffMs × 2^(n-1). */
  backoffMs: number;
  /** Wall-clock limit of one attempt; the solver thread is terminated after it. */
  timeLimitMs: number;
  stalledIntervalMs: number;
  lockDurationMs: number;
  /** Times a job may stall (its worker died) before it fails instead of being picked up again. */
  maxStalledCount: number;
  /** Finished jobs kept in Redis (the database keeps every job and result). */
  keepCompleted: number;
  keepFailed: number;
  /** On SIGTERM a running solve gets this long to finish before it is handed back to the queue. */
  shutdownGraceMs: number;
  heartbeatMs: number;
  cancelPollMs: number;
  /** A Redis command of the API that takes longer fails (503) instead of hanging the request. */
  redisCommandTimeoutMs: number;
  /** A solver thread is replaced after this many jobs, so memory a solve leaked never piles up. */
  threadRecycleAfter: number;
  /** How often job rows that are queued/active but missing from BullMQ are queued again (0: only at start). */
  reconcileIntervalMs: number;
  /** A row younger than this is left alone: its submission may still be queueing it. */
  reconcileGraceMs: number;
  /**
   * JOB_SOLVERS_MODULE: a compiled module exporting `SOLVERS` (kind → solver function) that solver threads
   * run instead of the built-in registry, e.g. a patched solver without a rebuild (tests inject faults so).
   */
  solversModule?: string;
}

/** Outbound webhooks (issue 6): retry delays are settings so tests run the whole schedule in seconds. */
export interface WebhookSettings {
  /** Host names or IP addresses that may be targeted although private/loopback (WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** Delivery attempts per delivery before it counts as failed. */
  maxAttempts: number;
  /** Delay before retry n = backoffBaseMs × 2^(n-1). */
  backoffBaseMs: number;
  timeoutMs: number;
  relayPollIntervalMs: number;
  /** How long a relay owns claimed outbox rows; a crashed relay's rows are re-claimed after it. */
  relayLeaseMs: number;
  /** Consecutive failed deliveries after which an endpoint is disabled. */
  disableAfterFailures: number;
  /** How long the previous secret still signs after a rotation. */
  secretOverlapSeconds: number;
  deliveryConcurrency: number;
  /** BullMQ key prefix (BULLMQ_PREFIX), so several deployments or test files share one Redis. */
  queuePrefix: string;
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
    metricsPort: readInteger(env, 'METRICS_PORT', 0, 0, 65535, problems) || undefined,
    database: readDatabase(env, problems),
    redisUrl: readRedisUrl(env, problems),
    adminKey: readAdminKey(env, problems),
    bodyLimitBytes: readByteSize(env, 'BODY_LIMIT', 5 * 1024 * 1024, problems),
    rateLimitPerMinute: readInteger(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000, problems),
    logLevel: readLogLevel(env, problems),
    webhooks: readWebhookSettings(env, problems),
    jobs: readJobSettings(env, problems),
    integrations: readIntegrationSettings(env, problems),
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

const HOUR_MS = 3_600_000;

function readWebhookSettings(env: Env, problems: string[]): WebhookSettings {
  return {
    allowedHosts: readHostList(env, 'WEBHOOK_ALLOWED_HOSTS', problems),
    maxAttempts: readInteger(env, 'WEBHOOK_MAX_ATTEMPTS', 10, 1, 50, problems),
    backoffBaseMs: readInteger(env, 'WEBHOOK_BACKOFF_BASE_MS', 60_000, 1, HOUR_MS, problems),
    timeoutMs: readInteger(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000, problems),
    relayPollIntervalMs: readInteger(env, 'WEBHOOK_RELAY_POLL_MS', 1_000, 10, 600_000, problems),
    relayLeaseMs: readInteger(env, 'WEBHOOK_RELAY_LEASE_MS', 60_000, 50, HOUR_MS, problems),
    disableAfterFailures: readInteger(env, 'WEBHOOK_DISABLE_AFTER_FAILURES', 5, 1, 1_000, problems),
    secretOverlapSeconds: readInteger(env, 'WEBHOOK_SECRET_OVERLAP_SECONDS', 86_400, 0, 30 * 86_400, problems),
    deliveryConcurrency: readInteger(env, 'WEBHOOK_DELIVERY_CONCURRENCY', 8, 1, 100, problems),
    queuePrefix: readQueuePrefix(env, problems),
  };
}

/** A comma-separated list of host names / IP literals (IPv6 with or without brackets), compared lower-case. */
function readHostList(env: Env, name: string, problems: string[]): string[] {
  const hosts = (env[name] ?? '').split(',').map((h) => h.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')).filter(Boolean);
  const bad = hosts.filter((h) => !/^[a-z0-9.:_-]+$/.test(h));
  if (bad.length > 0) problems.push(`${name} must list host names or IP addresses separated by commas (got "${bad.join('", "')}")`);
  return [...new Set(hosts)].sort();
}

function readQueuePrefix(env: Env, problems: string[]): string {
  const raw = env.BULLMQ_PREFIX?.trim() || 'staffplan';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(raw)) {
    problems.push(`BULLMQ_PREFIX must be 1-64 of A-Za-z0-9_- (got "${raw}")`);
    return 'staffplan';
  }
  return raw;
}

function readJobSettings(env: Env, problems: string[]): JobSettings {
  const int = (name: string, fallback: number, min: number, max: number) => readInteger(env, name, fallback, min, max, problems);
  return {
    concurrency: int('JOB_CONCURRENCY', 1, 1, 64),
    attempts: int('JOB_ATTEMPTS', 3, 1, 20),
    backoffMs: int('JOB_BACKOFF_MS', 5_000, 1, HOUR_MS),
    timeLimitMs: int('JOB_TIME_LIMIT_MS', 600_000, 200, 24 * HOUR_MS),
    stalledIntervalMs: int('JOB_STALLED_INTERVAL_MS', 30_000, 50, HOUR_MS),
    lockDurationMs: int('JOB_LOCK_DURATION_MS', 30_000, 100, HOUR_MS),
    maxStalledCount: int('JOB_MAX_STALLED_COUNT', 1, 0, 100),
    keepCompleted: int('JOB_KEEP_COMPLETED', 1_000, 0, 1_000_000),
    keepFailed: int('JOB_KEEP_FAILED', 5_000, 0, 1_000_000),
    shutdownGraceMs: int('JOB_SHUTDOWN_GRACE_MS', 20_000, 0, HOUR_MS),
    heartbeatMs: int('JOB_HEARTBEAT_MS', 5_000, 50, 600_000),
    cancelPollMs: int('JOB_CANCEL_POLL_MS', 500, 10, 60_000),
    redisCommandTimeoutMs: int('REDIS_COMMAND_TIMEOUT_MS', 1_000, 50, 60_000),
    threadRecycleAfter: int('JOB_THREAD_RECYCLE_AFTER', 50, 1, 100_000),
    reconcileIntervalMs: int('JOB_RECONCILE_INTERVAL_MS', 60_000, 0, 24 * HOUR_MS),
    reconcileGraceMs: int('JOB_RECONCILE_GRACE_MS', 10_000, 0, HOUR_MS),
    solversModule: readSolversModule(env, problems),
  };
}

function readSolversModule(env: Env, problems: string[]): string | undefined {
  const raw = env.JOB_SOLVERS_MODULE?.trim();
  if (!raw) return undefined;
  if (!/^(file:\/\/)?\/.*\.m?js$/.test(raw)) problems.push(`JOB_SOLVERS_MODULE must be an absolute path or file:// URL of a .js/.mjs module (got "${raw}")`);
  return raw;
}

function readIntegrationSettings(env: Env, problems: string[]): IntegrationSettings {
  return {
    hubspotAppSecret: readSecret(env, 'HUBSPOT_APP_SECRET', problems),
    salesforceWebhookSecret: readSecret(env, 'SALESFORCE_WEBHOOK_SECRET', problems),
    publicBaseUrl: readPublicBaseUrl(env, problems),
  };
}

/** A signing secret: unset disables its vendor; a short one would make signatures guessable. */
function readSecret(env: Env, name: string, problems: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (raw.length < 16 || /\s/.test(raw)) {
    problems.push(`${name} must be at least 16 characters without spaces`);
    return undefined;
  }
  return raw;
}

function readPublicBaseUrl(env: Env, problems: string[]): string | undefined {
  const raw = env.INTEGRATIONS_PUBLIC_URL?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/?#]+$/.test(raw.replace(/\/$/, ''))) {
    problems.push(`INTEGRATIONS_PUBLIC_URL must be a scheme and host such as https://staffplan.example.com (got "${raw}")`);
    return undefined;
  }
  return raw.replace(/\/$/, '');
}
