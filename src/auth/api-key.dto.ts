import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SCOPES } from './scopes.js';

export class CreateApiKeyDto {
  @ApiProperty({ description: 'the connected system, e.g. "salesforce-prod"', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^[^\u0000]*$/, { message: 'name must not contain NUL characters' })
  name: string;

  @ApiProperty({ enum: SCOPES, isArray: true, example: ['crm:write', 'plans:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SCOPES.length)
  @IsIn(SCOPES, { each: true })
  scopes: string[];
}

export class ApiKeyViewDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiKeyDto extends ApiKeyViewDto {
  @ApiProperty({ description: 'the full key `sp_<id>_<secret>`, shown only in this answer' })
  key: string;
}
