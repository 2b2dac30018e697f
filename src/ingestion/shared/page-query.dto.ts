import { Type } from 'class-transformer';
import { IntField } from './fields.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** `?limit=&offset=` of every list; lists are ordered by key, so pages are stable. */
export class PageQueryDto {
  @Type(() => Number)
  @IntField(1, MAX_PAGE_SIZE, { optional: true, description: `page size, default ${DEFAULT_PAGE_SIZE}` })
  limit?: number;

  @Type(() => Number)
  @IntField(0, 2_000_000_000, { optional: true, description: 'items to skip, default 0' })
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
