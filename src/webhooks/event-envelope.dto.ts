import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPES } from '../outbox/event-publisher.js';

export class WebhookEventLinksDto {
  @ApiProperty({ example: '/v1/jobs/job_01' }) job: string;
  @ApiPropertyOptional({ example: '/v1/jobs/job_01/result', description: 'absent for job.failed' }) result?: string;
}

export class WebhookEventDataDto {
  @ApiProperty({ example: 'job_01' }) jobId: string;
  @ApiPropertyOptional({ example: 'res_01' }) resultId?: string;
  @ApiPropertyOptional({ description: 'job.failed: the job kind', example: 'staffing-plan' }) kind?: string;
  @ApiPropertyOptional({ description: 'job.failed: what went wrong' }) error?: string;
  @ApiProperty({ type: WebhookEventLinksDto, description: 'paths under this API; fetch the full result with your API key' }) links: WebhookEventLinksDto;
}

/**
 * The body of every webhook POST. Headers (Standard Webhooks): `webhook-id` (stable across retries),
 * `webhook-timestamp` (Unix seconds), `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`,
 * several space-separated during a secret rotation).
 */
export class WebhookEventDto {
  @ApiProperty({ enum: EVENT_TYPES }) type: string;
  @ApiProperty({ description: 'the event id; the same event sent to several endpoints keeps it', example: 'evt_4c1f…' }) id: string;
  @ApiProperty({ format: 'date-time', description: 'when the event happened (its result was stored)' }) timestamp: string;
  @ApiProperty({ type: WebhookEventDataDto, description: 'ids and links, extra fields may be added' }) data: WebhookEventDataDto;
}

export class WebhookEventTypeDto {
  @ApiProperty({ enum: EVENT_TYPES }) type: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: WebhookEventDto }) example: WebhookEventDto;
}
