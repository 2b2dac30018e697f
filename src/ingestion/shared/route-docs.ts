import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiQuery } from '@nestjs/swagger';
import { BatchResultDto, DeleteResultDto } from './batch.dto.js';

/** OpenAPI documentation shared by the routes of every collection. */
export function DocumentUpsert(collection: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: `Create or update ${collection} in one batch`,
      description:
        'Body `{ "items": [...] }`. Structural errors (a field of the wrong type or out of range, an unknown ' +
        'field, end before start …) reject the whole request with 400 and store nothing. The batch is one ' +
        'transaction. An item that references data the store does not hold (an unknown employee or project ' +
        'type, a role id of another opportunity) is listed in `errors` and skipped; the other items are applied. ' +
        'Items older than the stored version (or its deletion) are counted `stale` and not applied; identical ' +
        'replays are `unchanged`; for duplicate ids in a batch the latest updatedAt wins.',
    }),
    ApiOkResponse({ type: BatchResultDto }),
    ApiBadRequestResponse({ description: 'validation failed or the body is not JSON; nothing was stored' }),
    ApiPayloadTooLargeResponse({ description: 'the body exceeds BODY_LIMIT' }),
  );
}

export function DocumentDelete(collection: string, versioned: boolean): MethodDecorator {
  const decorators = [
    ApiOperation({
      summary: `Delete one of ${collection}`,
      description: versioned
        ? 'Leaves a tombstone at `updatedAt` (default now): a replay of an older version stays deleted; a newer version re-creates it.'
        : 'Removes the catalog entry.',
    }),
    ApiOkResponse({ type: DeleteResultDto }),
  ];
  if (versioned) decorators.push(ApiQuery({ name: 'updatedAt', required: false, description: "the source's deletion time, ISO-8601 with offset" }));
  else decorators.push(ApiNotFoundResponse({ description: 'no such entry' }));
  return applyDecorators(...decorators);
}

export function DocumentGet(collection: string, type: Function): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: `Read one of ${collection}` }),
    ApiOkResponse({ type }),
    ApiNotFoundResponse({ description: 'no such record (or deleted)' }),
  );
}

export function DocumentList(collection: string, type: Function): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: `List ${collection}, ordered by key, paged with limit/offset` }),
    ApiOkResponse({
      schema: {
        type: 'object',
        properties: {
          items: { type: 'array', items: { $ref: `#/components/schemas/${type.name}` } },
          total: { type: 'integer' },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
        },
      },
    }),
  );
}
