import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { producerConnection } from './job-queue.js';

/** The producer's Redis connection (fail-fast settings), shared by the queue and the API's own keys. */
export const QUEUE_REDIS = Symbol('QUEUE_REDIS');

@Module({
  providers: [
    {
      provide: QUEUE_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const client = new Redis(producerConnection(config));
        // Errors surface on each command as 503s and in readiness; the event itself must not crash the process.
        client.on('error', () => undefined);
        return client;
      },
    },
  ],
  exports: [QUEUE_REDIS],
})
export class QueueRedisModule implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_REDIS) private readonly client: Redis) {}

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
