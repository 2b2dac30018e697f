import { Redis } from 'ioredis';

/**
 * Deletes every Redis key under `prefix:` (queues, job hashes, event streams, heartbeats, idempotency
 * claims): a test's afterAll or a benchmark's exit leaves the shared Redis as it found it. A Redis that is
 * gone (a private one already stopped) has nothing to clean. Lives outside test/ so benchmarks can use it.
 */
export async function deletePrefixedKeys(redisUrl: string, prefix: string): Promise<number> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2_000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await client.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  } catch {
    return 0;
  } finally {
    client.disconnect();
  }
}
