import type { OutboxEventEntity } from '../outbox/outbox-event.entity.js';

/** What a receiver gets: `{type, id, timestamp, data}` (documented as WebhookEventDto in OpenAPI). */
export interface EventEnvelope {
  type: string;
  id: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** Built from the stored row only, so every attempt of a delivery sends the same bytes. */
export function envelopeOf(event: Pick<OutboxEventEntity, 'id' | 'eventType' | 'payload' | 'createdAt'>): EventEnvelope {
  const payload = (event.payload ?? {}) as { data?: Record<string, unknown> };
  return { type: event.eventType, id: event.id, timestamp: event.createdAt, data: payload.data ?? {} };
}

export function envelopeBody(event: Pick<OutboxEventEntity, 'id' | 'eventType' | 'payload' | 'createdAt'>): string {
  return JSON.stringify(envelopeOf(event));
}
