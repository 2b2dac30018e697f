import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { JobMetrics } from './job-metrics.js';

/**
 * A worker-only process has no API, yet it is where jobs run and their metrics are recorded. When
 * METRICS_PORT is set it listens there for Prometheus (`GET /metrics`) and the orchestrator's liveness
 * probe (`GET /health/live`) — plain node:http, since the worker role has no Express app.
 */
@Injectable()
export class WorkerProbes implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerProbes');
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: JobMetrics,
  ) {}

  /** The port listened on; null when METRICS_PORT is unset. */
  get port(): number | null {
    return (this.server?.address() as AddressInfo | null)?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.metricsPort;
    if (port === undefined) return;
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, () => resolve()));
    this.server = server;
    this.logger.log(`worker metrics and liveness on port ${this.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'application/json', '{"status":"method not allowed"}');
    if (path === '/health/live') return send(response, 200, 'application/json', '{"status":"ok"}');
    if (path === '/metrics') {
      try {
        return send(response, 200, this.metrics.registry.contentType, await this.metrics.registry.metrics());
      } catch (error) {
        return send(response, 500, 'text/plain', `metrics collection failed: ${(error as Error).message}`);
      }
    }
    send(response, 404, 'application/json', '{"status":"not found"}');
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(body);
}

/** Added to the worker role's process by bootstrap (the HTTP roles serve both paths through Nest). */
@Module({ providers: [WorkerProbes], exports: [WorkerProbes] })
export class WorkerProbesModule {}
