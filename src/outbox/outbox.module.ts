import { Global, Module } from '@nestjs/common';
import { EventPublisher, OutboxEventPublisher } from './event-publisher.js';

/** Provides the EventPublisher everywhere; the webhooks module adds the relay that drains the outbox. */
@Global()
@Module({
  providers: [{ provide: EventPublisher, useClass: OutboxEventPublisher }],
  exports: [EventPublisher],
})
export class OutboxModule {}
