import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Matches,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { TimestampsView } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';
import { IsLocalDate } from './local-date';
import { IsSlotName, SLOT_NAME, SLOT_NAME_MESSAGE } from './policy.contract';

export const MEAL_PLAN_STATUSES = ['planned', 'ordered', 'dispatched', 'delivered', 'served', 'cancelled'] as const;
export type MealPlanStatus = (typeof MEAL_PLAN_STATUSES)[number];

/** How a plan stands against the live headcount of its post, date and slot. */
export const MEAL_PLAN_FLAGS = ['ok', 'short', 'surplus'] as const;
export type MealPlanFlag = (typeof MEAL_PLAN_FLAGS)[number];

export const commaSeparated = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value;

export const asBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** People with dietary needs, by need; someone with two `other:` needs counts once in `other`. */
export class DietaryTallyView {
  @ApiProperty() vegetarian: number;
  @ApiProperty() diabetic: number;
  @ApiProperty() no_gluten: number;
  @ApiProperty() other: number;
  @ApiProperty({ example: { halal: 1 }, description: 'Each `other:` need by its text, with how many ask for it' })
  otherNeeds: Record<string, number>;
}

export class HeadcountsQuery extends PageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: '2027-02-08' })
  @IsLocalDate()
  date: string;

  @ApiPropertyOptional({ example: 'lunch' })
  @IsOptional()
  @IsSlotName()
  slot?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  postId?: string;

  @ApiPropertyOptional({ description: 'true: name the people counted' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  names?: boolean;
}

export class HeadcountPersonView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty() serviceNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ isArray: true, type: String }) dietaryNeeds: string[];
}

export class HeadcountView {
  @ApiProperty({ description: 'post id, date and slot' }) id: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() postCode: string;
  @ApiProperty() postName: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
  @ApiProperty() date: string;
  @ApiProperty() slot: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: DietaryTallyView }) dietary: DietaryTallyView;
  @ApiPropertyOptional({ type: HeadcountPersonView, isArray: true }) people?: HeadcountPersonView[];
}

export class CreateMealPlanRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  postId: string;

  @ApiProperty({ example: '2027-02-08' })
  @IsLocalDate()
  date: string;

  @ApiProperty({ example: 'lunch' })
  @IsSlotName()
  slot: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  kitchenId: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10000, description: 'Default: the live headcount' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  count?: number;
}

/** A change of count or kitchen, or a step of the plan's life (`ordered`, `cancelled`). */
export class UpdateMealPlanRequest {
  @ApiPropertyOptional({ minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  count?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  kitchenId?: string;

  @ApiPropertyOptional({ description: 'true: take the live headcount and dietary tally as the plan' })
  @IsOptional()
  @IsBoolean()
  matchHeadcount?: boolean;

  @ApiPropertyOptional({ enum: ['ordered', 'cancelled'] })
  @IsOptional()
  @IsIn(['ordered', 'cancelled'])
  status?: 'ordered' | 'cancelled';
}

export class UpdateMealPlanMessage extends UpdateMealPlanRequest {
  @IsUUID()
  id: string;
}

export class ListMealPlansQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ example: '2027-02-08' })
  @IsOptional()
  @IsLocalDate()
  date?: string;

  @ApiPropertyOptional({ isArray: true, type: String, description: 'One or more slots, separated by commas' })
  @IsOptional()
  @Transform(commaSeparated)
  @IsArray({ message: SLOT_NAME_MESSAGE.message })
  @Matches(SLOT_NAME, { each: true, ...SLOT_NAME_MESSAGE })
  slot?: string[];

  @AnyOf(MEAL_PLAN_STATUSES)
  status?: MealPlanStatus[];

  @AnyOf(MEAL_PLAN_FLAGS)
  flag?: MealPlanFlag[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  kitchenId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  postId?: string;
}

export class MealPlanView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() postCode: string;
  @ApiProperty() postName: string;
  @ApiProperty() date: string;
  @ApiProperty() slot: string;
  @ApiProperty({ format: 'uuid' }) kitchenId: string;
  @ApiProperty() kitchenName: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: DietaryTallyView }) dietary: DietaryTallyView;
  @ApiProperty({ enum: MEAL_PLAN_STATUSES }) status: MealPlanStatus;
  @ApiProperty({ description: 'The live headcount of the post, date and slot' }) headcount: number;
  @ApiProperty({ enum: MEAL_PLAN_FLAGS }) flag: MealPlanFlag;
  @ApiProperty({ description: 'Meals (or dietary meals) missing: headcount minus count, at least the dietary gap' })
  shortBy: number;
  @ApiProperty({ description: 'Meals planned beyond the headcount' }) surplusBy: number;
  @ApiProperty({ nullable: true }) dispatchedAt: string | null;
  @ApiProperty({ nullable: true }) dispatchedBy: string | null;
  @ApiProperty({ nullable: true }) deliveredAt: string | null;
  @ApiProperty({ nullable: true }) receivedBy: string | null;
  @ApiProperty({ nullable: true }) servedCount: number | null;
}

export class GenerateMealPlansRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: '2027-02-08' })
  @IsLocalDate()
  date: string;
}

export class UnplacedMealView {
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() postCode: string;
  @ApiProperty() slot: string;
  @ApiProperty() count: number;
  @ApiProperty({ example: 'no_kitchen', enum: ['no_kitchen', 'capacity'] }) reason: 'no_kitchen' | 'capacity';
  @ApiProperty({ example: 'no active kitchen serves post HRP-001' }) message: string;
}

export class GenerateMealPlansView {
  @ApiProperty() date: string;
  @ApiProperty({ description: 'Plans written (new ones and ones whose count followed the headcount)' })
  planned: number;
  @ApiProperty({ description: 'Meals in the plans written' }) meals: number;
  @ApiProperty({ description: 'Post-slots that already had a plan, left as they were' }) alreadyPlanned: number;
  @ApiProperty({ type: UnplacedMealView, isArray: true }) unplaced: UnplacedMealView[];
}

export class MealPlanReasonRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
