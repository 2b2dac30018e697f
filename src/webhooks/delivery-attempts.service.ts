import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { decide } from './delivery-policy.js';
import { DeliveryStore, isFinished } from './delivery-store.js';
import { envelopeBody } from './event-envelope.js';
import { activeSecrets, signedHeaders } from './signing.js';
import { postMessage } from './webhook-sender.js';

/** Thrown to BullMQ so it schedules the next attempt after exactly `delayMs` (see the worker's backoff). */
export class RetryLaterError extends Error {
  constructor(readonly delayMs: number, reason: string | null) {
    super(`delivery attempt failed (${reason ?? 'no answer'}); retrying in ${delayMs} ms`);
    this.name = 'RetryLaterError';
  }
}

/**
 * One attempt of one delivery: sign the stored event, POST it, log the answer, decide what follows.
 * `webhook-id` is the delivery id, so every retry and redelivery of it carries the same id and the
 * receiver can drop a duplicate; the timestamp and signature are fresh per attempt.
 */
@Injectable()
export class DeliveryAttempts {
  constructor(
    private readonly store: DeliveryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `attemptInRun`: 1 for the first try of this run (a redelivery starts a new run with a full budget). */
  async attempt(deliveryId: string, attemptInRun: number): Promise<void> {
    const context = await this.store.loadAttemptContext(deliveryId);
    // A finished delivery means this job is a duplicate (e.g. a relay re-run after its job was removed).
    if (!context || isFinished(context.delivery.status)) return;
    const { delivery, subscription, event } = context;
    if (!subscription) return this.store.abandon(delivery.id, 'the subscription was deleted');
    if (subscription.status !== 'enabled') return this.store.abandon(delivery.id, `the endpoint is disabled: ${subscription.disabledReason}`);
    if (!event) return this.store.abandon(delivery.id, `the event ${delivery.eventId} no longer exists`);
    const startedAt = new Date();
    const body = envelopeBody(event);
    const headers = signedHeaders(activeSecrets(subscription, startedAt), delivery.id, Math.floor(startedAt.getTime() / 1000), body);
    const { timeoutMs, allowedHosts, maxAttempts, backoffBaseMs } = this.config.webhooks;
    const result = await postMessage(subscription.url, { ...headers }, body, { timeoutMs, allowedHosts });
    const decision = decide(result, attemptInRun, { maxAttempts, backoffBaseMs }, new Date());
    await this.store.recordAttempt(delivery, result, decision, startedAt);
    if (decision.outcome === 'retry') throw new RetryLaterError(decision.delayMs, result.error);
  }
}
