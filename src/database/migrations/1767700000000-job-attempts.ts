import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { integer, optionalText } from './table-builder.js';

/**
 * Jobs (issue 4): how many times a job was started (a retry or a crashed worker's job picked up again
 * counts), and when a caller asked to cancel it while it ran (the worker stops and keeps the best so far).
 */
export class JobAttempts1767700000000 implements MigrationInterface {
  name = 'JobAttempts1767700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.addColumn('jobs', new TableColumn({ ...integer('attempts'), default: 0 }));
    await runner.addColumn('jobs', new TableColumn(optionalText('cancelRequestedAt', 30)));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.dropColumn('jobs', 'cancelRequestedAt');
    await runner.dropColumn('jobs', 'attempts');
  }
}
