import { ApiProperty } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { MAX_BATCH_ITEMS } from '../ingestion-routes.js';

type Class<T> = new () => T;

/**
 * The body of every batch upsert: `{ "items": [ … ] }`, at most MAX_BATCH_ITEMS items. A DTO module
 * declares `export class EmployeeBatchDto extends BatchOf(EmployeeDto) {}`.
 */
export function BatchOf<T extends object>(itemType: Class<T>): Class<{ items: T[] }> {
  class Batch {
    @ApiProperty({ type: () => [itemType], maxItems: MAX_BATCH_ITEMS, description: 'records to create or update, applied in one transaction' })
    @IsArray()
    @ArrayMaxSize(MAX_BATCH_ITEMS)
    // ValidateNested accepts an array as an item (it validates its elements); an item must be an object.
    @IsObject({ each: true })
    @ValidateNested({ each: true })
    @TransformType(() => itemType)
    items: T[];
  }
  return Batch;
}

export class ItemErrorDto {
  @ApiProperty({ description: 'position of the item in `items`' }) index: number;
  @ApiProperty({ type: String, nullable: true, description: 'the item id (or natural key)' }) id: string | null;
  @ApiProperty({ example: 'employeeId' }) field: string;
  @ApiProperty({ example: 'knownEmployee' }) rule: string;
  @ApiProperty() message: string;
}

export class BatchResultDto {
  @ApiProperty({ description: 'new records stored' }) created: number;
  @ApiProperty({ description: 'stored records replaced by a newer version' }) updated: number;
  @ApiProperty({ description: 'items identical to what is stored (a replay)' }) unchanged: number;
  @ApiProperty({ description: 'items older than the stored version or its deletion: reported, not applied' }) stale: number;
  @ApiProperty({ type: [ItemErrorDto], description: 'items refused because they reference data the store does not hold; the other items are applied' })
  errors: ItemErrorDto[];
}

export class DeleteResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['deleted', 'stale', 'unchanged'], description: 'stale: the stored version is newer than the delete; unchanged: already deleted' })
  result: 'deleted' | 'stale' | 'unchanged';
}
