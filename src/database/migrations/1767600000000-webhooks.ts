import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  index,
  integer,
  json,
  key,
  optionalInteger,
  optionalText,
  parentKey,
  table,
  text,
} from './table-builder.js';

/** Webhook subscriptions, deliveries and their attempts (issue 6), and relay claims on the outbox. */
export class Webhooks1767600000000 implements MigrationInterface {
  name = 'Webhooks1767600000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const t of webhookTables()) await runner.createTable(t);
    const claimColumns = [optionalText('claimedUntil', 30), optionalText('claimToken', 64)];
    await runner.addColumns('outbox', claimColumns.map((options) => new TableColumn(options)));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('outbox', 'claimToken');
    await runner.dropColumn('outbox', 'claimedUntil');
    for (const t of webhookTables().reverse()) await runner.dropTable(t.name);
  }
}

function webhookTables() {
  return [
    table('webhook_subscriptions', [
      key('id', 40), text('url', 2000), json('events'), optionalText('owner', 200), optionalText('description', 1000),
      text('secret', 100), optionalText('previousSecret', 100), optionalText('previousSecretExpiresAt', 30),
      text('status', 20), optionalText('disabledReason', 500), optionalText('disabledAt', 30),
      integer('consecutiveFailures'), text('createdAt', 30), text('updatedAt', 30),
    ], { indices: [index('idx_webhook_subscriptions_status', ['status'])] }),
    table('webhook_deliveries', [
      key('id', 64), text('eventId', 64), text('eventType', 100), text('subscriptionId', 40), text('status', 20),
      integer('attempts'), integer('redeliveries'), optionalInteger('lastStatusCode'), optionalInteger('lastLatencyMs'),
      optionalText('lastError', 1000), optionalText('nextAttemptAt', 30), text('createdAt', 30), text('updatedAt', 30),
      optionalText('completedAt', 30),
    ], {
      indices: [
        index('idx_webhook_deliveries_subscription', ['subscriptionId', 'createdAt']),
        index('idx_webhook_deliveries_status', ['status', 'createdAt']),
        index('idx_webhook_deliveries_event', ['eventId']),
      ],
    }),
    table('webhook_delivery_attempts', [
      key('deliveryId', 64), { ...integer('attempt'), isPrimary: true }, text('startedAt', 30),
      optionalInteger('statusCode'), integer('latencyMs'), optionalText('error', 1000), text('outcome', 20),
    ], { foreignKeys: [parentKey('fk_webhook_attempts_delivery', ['deliveryId'], 'webhook_deliveries', ['id'])] }),
  ];
}
