import { Type } from 'class-transformer';
import { BatchOf } from '../shared/batch.dto.js';
import {
  BoolField,
  CodeField,
  CurrencyField,
  DateField,
  EnumField,
  IdField,
  IntField,
  NestedArrayField,
  NumberField,
  TextField,
  UniqueBy,
  UpdatedAtField,
} from '../shared/fields.js';
import { PageQueryDto } from '../shared/page-query.dto.js';

export class AccountDto {
  @IdField() id: string;
  @TextField(300) name: string;
  @TextField(200, { optional: true }) industry?: string;
  @TextField(200, { optional: true }) region?: string;
  @TextField(200, { optional: true }) segment?: string;
  @IntField(0, 2_000_000_000, { optional: true }) employeeCount?: number;
  @UpdatedAtField() updatedAt: string;
}

export class OpportunityRoleDto {
  @IdField({ description: 'unique across all opportunities; it is the role line id' }) id: string;
  @CodeField() skill: string;
  @IntField(1, 5) minLevel: number;
  @NumberField(0, 168, { exclusiveMin: true }) hoursPerWeek: number;
  @IntField(1, 1000, { optional: true, description: 'default 1' }) headcount?: number;
  @IntField(0, 520, { optional: true, description: 'default 0' }) startOffsetWeeks?: number;
  @IntField(1, 520, { optional: true }) durationWeeks?: number;
  @CodeField({ optional: true }) location?: string;
  @BoolField({ optional: true, description: 'default false' }) remoteAllowed?: boolean;
  @BoolField({ optional: true, description: 'default false' }) requiresCertification?: boolean;
}

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;

export class OpportunityDto {
  @IdField() id: string;
  @IdField() accountId: string;
  @TextField(300) name: string;
  @TextField(100) stage: string;
  @NumberField(0, 1, { description: 'win probability 0-1 (won counts as 1, lost is ignored)' }) probability: number;
  @DateField() closeDate: string;
  @DateField() expectedStart: string;
  @IntField(1, 520, { optional: true }) durationWeeks?: number;
  @CodeField({ optional: true, description: 'a project type the store holds; required when `roles` is absent' })
  projectType?: string;
  @TextField(200, { optional: true }) territory?: string;
  @NumberField(0, 1e15, { optional: true }) amount?: number;
  @CurrencyField({ optional: true }) currency?: string;
  @EnumField(OPPORTUNITY_STATUSES) status: string;
  @NestedArrayField(() => OpportunityRoleDto, 500, { optional: true, description: "explicit role lines; they replace the project type's" })
  @UniqueBy('id')
  roles?: OpportunityRoleDto[];
  @UpdatedAtField() updatedAt: string;
}

export class AccountBatchDto extends BatchOf(AccountDto) {}
export class OpportunityBatchDto extends BatchOf(OpportunityDto) {}

export class AccountListQueryDto extends PageQueryDto {
  @TextField(200, { optional: true }) region?: string;
  @TextField(200, { optional: true }) industry?: string;
}

export class OpportunityListQueryDto extends PageQueryDto {
  @EnumField(OPPORTUNITY_STATUSES, { optional: true }) status?: string;
  @IdField({ optional: true }) accountId?: string;
  @CodeField({ optional: true }) projectType?: string;
  @Type(() => Number)
  @NumberField(0, 1, { optional: true, description: 'only probability ≥ this' })
  minProbability?: number;
}
