import { NestFactory } from '@nestjs/core';
import { Module, type DynamicModule, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { servesHttp, type AppRole } from './app.roles.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { assignRequestId } from './common/request-id.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { WorkerProbesModule } from './metrics/worker-probes.js';

/**
 * Builds the HTTP application for the api/all roles, fully configured but not listening (tests use it
 * with supertest; `startProcess` listens).
 */
export async function createHttpApp(role: AppRole, config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRole(role, config), {
    bodyParser: false,
    bufferLogs: true,
    rawBody: true,
  });
  configureHttpApp(app, config);
  await app.init();
  return app;
}

export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(assignRequestId);
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app);
}

/** OpenAPI from the DTOs: UI at /docs, JSON at /docs-json. */
function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('staffplan')
      .setDescription(
        'Staffing plans, capacity and hiring forecasts and estimates for a professional-services firm. ' +
          'Every error answers `{ error: { code, message, details: [{ field, rule, message }] }, requestId }`.',
      )
      .setVersion('1')
      .addApiKey({ type: 'http', scheme: 'bearer', description: 'an API key sp_<id>_<secret>' }, 'apiKey')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** The worker role's process: the role's modules plus its own /metrics and /health/live listener (METRICS_PORT). */
@Module({})
class WorkerProcessModule {
  static forRole(role: AppRole, config: AppConfig): DynamicModule {
    return { module: WorkerProcessModule, imports: [AppModule.forRole(role, config), WorkerProbesModule] };
  }
}

/**
 * Starts a process of the given role: HTTP roles listen on PORT; the worker role serves no API, only
 * metrics and liveness on METRICS_PORT when that is set.
 */
export async function startProcess(role: AppRole, config: AppConfig): Promise<INestApplicationContext> {
  if (!servesHttp(role)) {
    const context = await NestFactory.createApplicationContext(WorkerProcessModule.forRole(role, config), { bufferLogs: true });
    context.useLogger(context.get(Logger));
    context.enableShutdownHooks();
    return context;
  }
  const app = await createHttpApp(role, config);
  await app.listen(config.port);
  app.get(Logger).log(`staffplan ${role} listening on port ${config.port} (${config.database.kind})`);
  return app;
}
