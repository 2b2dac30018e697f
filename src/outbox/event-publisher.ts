import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity.js';

/** The event types staffplan emits to connected systems (DESIGN.md §4, issue 6). */
export const EVENT_TYPES = [
  'staffing-plan.completed',
  'capacity-forecast.completed',
  'hiring-forecast.updated',
  'estimate.completed',
  'job.failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What a feature announces: the envelope's `data` carries ids and links to the full result, not the result. */
export interface DomainEvent {
  type: EventType;
  data: Record<string, unknown>;
}

/**
 * The one interface features publish through. `publishWithin` writes the event into the outbox inside the
 * caller's transaction, so the event exists exactly when the change it announces was committed; the
 * webhook relay delivers it later.
 */
export abstract class EventPublisher {
  abstract publishWithin(manager: EntityManager, event: DomainEvent): Promise<string>;
}

/** Writes outbox rows; the webhooks module relays them to subscribers. */
export class OutboxEventPublisher extends EventPublisher {
  async publishWithin(manager: EntityManager, event: DomainEvent): Promise<string> {
    const id = `evt_${randomUUID()}`;
    const row = manager.create(OutboxEventEntity, {
      id,
      eventType: event.type,
      payload: { type: event.type, data: event.data },
      createdAt: new Date().toISOString(),
      dispatchedAt: null,
    });
    await manager.save(OutboxEventEntity, row);
    return id;
  }
}
