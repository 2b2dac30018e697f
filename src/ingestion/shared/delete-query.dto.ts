import { ApiPropertyOptional } from '@nestjs/swagger';

/** `DELETE …/{id}?updatedAt=`: the source's time of the deletion; an update older than it stays out. */
export class DeleteQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: "the source's deletion time (default: now)" })
  updatedAt?: string;
}
