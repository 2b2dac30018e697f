import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { serializeErrorForLog } from './log-serializers.js';
import { requestIdFor } from './request-id.js';

/** Structured JSON logs (pino), one line per request with its id; keys and SQL bound values never reach the log. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: requestIdFor,
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
          // SQL bound values (secrets, key hashes) never reach the log: see serializeErrorForLog.
          serializers: { err: serializeErrorForLog },
          autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/health') },
          customProps: () => ({ service: 'staffplan' }),
        },
      }),
    }),
  ],
})
export class LoggingModule {}
