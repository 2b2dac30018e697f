import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { JobEntity } from '../../src/jobs/job.entity.js';
import { JobsService } from '../../src/jobs/jobs.service.js';
import type { TestStore } from '../service/harness.js';
import { createTestStore, REDIS_URL, startJobsService, uniquePrefix, until, type JobsApp } from './harness.js';

const JOBS = 1_000;
const KEEP_COMPLETED = 50;
/** Keys a queue holds besides finished jobs: meta, id counter, events stream, state lists, heartbeats… */
const QUEUE_BOOKKEEPING_KEYS = 20;

describe('volume', () => {
  let store: TestStore;
  let service: JobsApp;
  let prefix: string;

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    prefix = uniquePrefix('vol');
    service = await startJobsService('all', { ...store.env, BULLMQ_PREFIX: prefix, JOB_CONCURRENCY: '2', JOB_KEEP_COMPLETED: String(KEEP_COMPLETED) });
  });

  afterAll(async () => {
    await service?.close();
    await store?.drop();
  });

  it('completes 1,000 submitted jobs of a trivial scenario and keeps Redis within the configured caps', async () => {
    const jobs = service.app.get(JobsService);
    for (let batch = 0; batch < JOBS; batch += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) =>
        jobs.submit('staffing-plan', { horizon: { from: '2027-01-04', weeks: 1 + ((batch + i) % 52) }, opportunityIds: [`volume-${batch + i}`] }, { apiKeyId: 'volume' }),
      ));
    }
    const rows = service.app.get(DataSource).getRepository(JobEntity);
    await until('every job to complete', async () => (await rows.countBy({ status: 'completed' })) === JOBS, 150_000, 250);
    expect(await rows.count()).toBe(JOBS);

    const redis = new Redis(REDIS_URL);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0');
      expect(keys.length).toBeLessThanOrEqual(KEEP_COMPLETED + QUEUE_BOOKKEEPING_KEYS);
      expect(await redis.xlen(`${prefix}:staffplan-jobs:events`)).toBeLessThanOrEqual(1_100);
    } finally {
      redis.disconnect();
    }
  }, 180_000);
});
