import { Module } from '@nestjs/common';
import { OutboxClaims } from '../outbox/outbox-claims.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveryAttempts } from './delivery-attempts.service.js';
import { DeliveryLog } from './delivery-log.service.js';
import { DeliveryQueue } from './delivery-queue.js';
import { DeliveryStore } from './delivery-store.js';
import { DeliveryWorker } from './delivery.worker.js';
import { OutboxRelay } from './outbox-relay.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';
import { WebhookEventsController } from './webhook-events.controller.js';

/** What both roles share: the delivery rows and the producer side of the delivery queue (one per process). */
@Module({
  providers: [DeliveryStore, DeliveryQueue],
  exports: [DeliveryStore, DeliveryQueue],
})
export class WebhooksCoreModule {}

/** api role: subscriptions, the delivery log and redelivery, the event catalogue. */
@Module({
  imports: [WebhooksCoreModule],
  controllers: [SubscriptionsController, DeliveriesController, WebhookEventsController],
  providers: [SubscriptionsService, DeliveryLog],
})
export class WebhooksApiModule {}

/** worker role: the outbox relay and the delivery worker. */
@Module({
  imports: [WebhooksCoreModule],
  providers: [OutboxClaims, OutboxRelay, DeliveryAttempts, DeliveryWorker],
  exports: [OutboxRelay],
})
export class WebhooksWorkerModule {}
