import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scopes } from '../auth/scopes.decorator.js';
import { EVENT_TYPES, type EventType } from '../outbox/event-publisher.js';
import { WebhookEventDto, WebhookEventTypeDto } from './event-envelope.dto.js';

const DESCRIPTIONS: Record<EventType, string> = {
  'staffing-plan.completed': 'a staffing plan job finished; data.links.result is the plan document',
  'capacity-forecast.completed': 'a capacity forecast job finished; data.links.result is the forecast',
  'hiring-forecast.updated': 'a hiring forecast was computed; data.links.result holds its hiring signals',
  'estimate.completed': 'an estimate finished; data.links.result is the estimate (team mix, cost, price, margin)',
  'job.failed': 'a job failed for good; data.kind and data.error ({code, message}) say which and why',
};

const EXAMPLE_TIME = '2027-01-04T09:00:00.000Z';

function example(type: EventType): WebhookEventDto {
  const jobId = 'job_0123456789abcdef';
  const kind = KIND_OF[type];
  const self = `/v1/jobs/${jobId}`;
  const data =
    type === 'job.failed'
      ? { jobId, kind, error: { code: 'SOLVER_FAILED', message: 'the solver found no feasible plan' }, links: { self } }
      : { jobId, kind, resultId: 'res_0123456789abcdef', links: { self, result: `${self}/result` } };
  return { type, id: 'evt_6f1c2a8e-3b4d-4c5e-9f60-7a8b9c0d1e2f', timestamp: EXAMPLE_TIME, data };
}

const KIND_OF: Record<EventType, string> = {
  'staffing-plan.completed': 'staffing-plan',
  'capacity-forecast.completed': 'capacity-forecast',
  'hiring-forecast.updated': 'hiring-forecast',
  'estimate.completed': 'estimate',
  'job.failed': 'staffing-plan',
};

/** The catalogue of outbound events; its answer documents the envelope every webhook POST carries. */
@ApiTags('webhooks')
@ApiExtraModels(WebhookEventDto)
@Scopes('admin')
@Controller('v1/webhook-events')
export class WebhookEventsController {
  @Get()
  @ApiOperation({
    summary: 'Event types a subscription can ask for, each with an example body',
    description:
      'Every webhook is a POST of a WebhookEventDto with the Standard Webhooks headers webhook-id, webhook-timestamp ' +
      'and webhook-signature (v1,<base64 HMAC-SHA256 of "id.timestamp.body"> keyed with the base64-decoded part of the whsec_ secret).',
  })
  @ApiOkResponse({ type: [WebhookEventTypeDto] })
  list(): WebhookEventTypeDto[] {
    return EVENT_TYPES.map((type) => ({ type, description: DESCRIPTIONS[type], example: example(type) }));
  }
}
