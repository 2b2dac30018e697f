import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { StoreTransactions } from '../database/store-transactions.js';
import { OutboxEventEntity } from './outbox-event.entity.js';

export interface OutboxClaim {
  token: string;
  events: OutboxEventEntity[];
}

/**
 * Hands undispatched outbox rows to one relay at a time. A claim is a lease (claimedUntil): if its relay
 * dies before marking the rows dispatched, they become claimable again when the lease lapses.
 * - PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, so several relays take disjoint batches without waiting.
 * - SQLite: one writer; the claim runs in the process-wide write queue of StoreTransactions.
 */
@Injectable()
export class OutboxClaims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: StoreTransactions,
  ) {}

  claim(limit: number, leaseMs: number): Promise<OutboxClaim> {
    const work = (manager: EntityManager) => this.claimWithin(manager, limit, leaseMs);
    if (this.dataSource.options.type === 'postgres') return this.dataSource.transaction(work);
    return this.transactions.run('outbox-relay', work);
  }

  /** Only the claim's own relay run may mark the row: after its lease lapsed another run owns it. */
  async markDispatched(eventId: string, token: string): Promise<boolean> {
    return this.transactions.run(`outbox:${eventId}`, async (manager) => {
      const result = await manager.update(
        OutboxEventEntity,
        { id: eventId, claimToken: token },
        { dispatchedAt: new Date().toISOString(), claimedUntil: null },
      );
      return (result.affected ?? 0) > 0;
    });
  }

  private async claimWithin(manager: EntityManager, limit: number, leaseMs: number): Promise<OutboxClaim> {
    const now = new Date();
    let query = manager
      .createQueryBuilder(OutboxEventEntity, 'event')
      .where('event.dispatchedAt IS NULL')
      .andWhere('(event.claimedUntil IS NULL OR event.claimedUntil < :now)', { now: now.toISOString() })
      .orderBy('event.createdAt', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .limit(limit);
    if (this.dataSource.options.type === 'postgres') query = query.setLock('pessimistic_write').setOnLocked('skip_locked');
    const events = await query.getMany();
    const token = randomUUID();
    if (events.length === 0) return { token, events };
    const claimedUntil = new Date(now.getTime() + leaseMs).toISOString();
    await manager
      .createQueryBuilder()
      .update(OutboxEventEntity)
      .set({ claimedUntil, claimToken: token })
      .whereInIds(events.map((event) => event.id))
      .execute();
    return { token, events: events.map((event) => Object.assign(event, { claimedUntil, claimToken: token })) };
  }
}
