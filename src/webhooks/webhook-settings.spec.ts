import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../config/app-config.js';

describe('webhook settings', () => {
  it('defaults to 10 attempts from a 1-minute backoff, a 10 s timeout, disabling after 5 failed deliveries, a day of secret overlap', () => {
    expect(loadConfig({}).webhooks).toEqual({
      allowedHosts: [],
      maxAttempts: 10,
      backoffBaseMs: 60_000,
      timeoutMs: 10_000,
      relayPollIntervalMs: 1_000,
      relayLeaseMs: 60_000,
      disableAfterFailures: 5,
      secretOverlapSeconds: 86_400,
      deliveryConcurrency: 8,
      queuePrefix: 'staffplan',
    });
  });

  it('reads WEBHOOK_ALLOWED_HOSTS as a lower-cased, de-duplicated list (IPv6 with or without brackets)', () => {
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: ' 127.0.0.1, CRM.internal ,[::1],crm.internal' }).webhooks.allowedHosts).toEqual(['127.0.0.1', '::1', 'crm.internal']);
  });

  it('names every wrong webhook variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ WEBHOOK_ALLOWED_HOSTS: 'http://x/', WEBHOOK_MAX_ATTEMPTS: '0', WEBHOOK_TIMEOUT_MS: 'soon', BULLMQ_PREFIX: 'a:b' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of ['WEBHOOK_ALLOWED_HOSTS', 'WEBHOOK_MAX_ATTEMPTS', 'WEBHOOK_TIMEOUT_MS', 'BULLMQ_PREFIX']) {
      expect((error as ConfigError).message).toContain(name);
    }
  });
});
