import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPES } from '../outbox/event-publisher.js';

export class WebhookEventLinksDto {
  @ApiProperty({ example: '/v1/jobs/job_01', description: 'the job (status, timings, solver statistics)' }) self: string;
  @ApiPropertyOptional({ example: '/v1/jobs/job_01/result', description: 'the full result document; absent for job.failed' }) result?: string;
}

export class WebhookJobErrorDto {
  @ApiProperty({ example: 'SOLVER_TIME_LIMIT' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() field?: string;
}

export class WebhookEventDataDto {
  @ApiProperty({ example: 'job_01' }) jobId: string;
  @ApiProperty({ enum: ['staffing-plan', 'capacity-forecast', 'hiring-forecast', 'estimate'], description: 'the job kind' }) kind: string;
  @ApiPropertyOptional({ example: 'res_01', description: 'the stored result (absent for job.failed)' }) resultId?: string;
  @ApiPropertyOptional({ type: WebhookJobErrorDto, description: 'job.failed only: what went wrong' }) error?: WebhookJobErrorDto;
  @ApiProperty({ type: WebhookEventLinksDto, description: 'paths under this API; fetch the full result with your API key' }) links: WebhookEventLinksDto;
}

/**
 * The body of every webhook POST. Headers (Standard Webhooks): `webhook-id` (stable across retries),
 * `webhook-timestamp` (Unix seconds), `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`,
 * several space-separated during a secret rotation).
 */
export class WebhookEventDto {
  @ApiProperty({ enum: EVENT_TYPES }) type: string;
  @ApiProperty({ description: 'the event id; the same event sent to several endpoints keeps it', example: 'evt_6f1c2a8e-3b4d-4c5e-9f60-7a8b9c0d1e2f' }) id: string;
  @ApiProperty({ format: 'date-time', description: 'when the event happened (its result was stored)' }) timestamp: string;
  @ApiProperty({ type: WebhookEventDataDto, description: 'ids and links, never the result itself; more fields may be added' }) data: WebhookEventDataDto;
}

export class WebhookEventTypeDto {
  @ApiProperty({ enum: EVENT_TYPES }) type: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: WebhookEventDto }) example: WebhookEventDto;
}
