import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsIsoWithOffset } from '../common.dto';
import { PageQuery } from '../pagination';
import { IsLocalDate } from './local-date';
import { IsSlotName } from './policy.contract';
import { DietaryTallyView, MealPlanStatus } from './plans.contract';

export class DispatchMealRequest {
  @ApiProperty({ example: 'Driver Aslam, van LEB-1234' })
  @IsString()
  @Length(1, 200)
  by: string;

  @ApiPropertyOptional({ example: '2027-02-08T12:05:00+05:00', description: 'Default: now' })
  @IsOptional()
  @IsIsoWithOffset()
  at?: string;
}

export class DeliverMealRequest {
  @ApiProperty({ example: 'ASI Tariq (in charge)' })
  @IsString()
  @Length(1, 200)
  receivedBy: string;

  @ApiPropertyOptional({ example: '2027-02-08T12:25:00+05:00', description: 'Default: now' })
  @IsOptional()
  @IsIsoWithOffset()
  at?: string;
}

export class ServeMealRequest {
  @ApiProperty({ minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  servedCount: number;
}

export class DispatchMealMessage extends DispatchMealRequest {
  @IsUUID() id: string;
}

export class DeliverMealMessage extends DeliverMealRequest {
  @IsUUID() id: string;
}

export class ServeMealMessage extends ServeMealRequest {
  @IsUUID() id: string;
}

export class DistrictDateQuery extends PageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: '2027-02-08' })
  @IsLocalDate()
  date: string;
}

export const DELIVERY_PROBLEMS = ['late', 'missing'] as const;
export type DeliveryProblem = (typeof DELIVERY_PROBLEMS)[number];

/** A meal delivered after its slot began (`late`), or not delivered and its slot begun (`missing`). */
export class DeliveryProblemView {
  @ApiProperty({ format: 'uuid', description: 'The plan' }) id: string;
  @ApiProperty({ enum: DELIVERY_PROBLEMS }) problem: DeliveryProblem;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() postCode: string;
  @ApiProperty() postName: string;
  @ApiProperty() slot: string;
  @ApiProperty() slotStartsAt: string;
  @ApiProperty() count: number;
  @ApiProperty({ format: 'uuid' }) kitchenId: string;
  @ApiProperty() kitchenName: string;
  @ApiProperty() status: MealPlanStatus;
  @ApiProperty({ nullable: true }) dispatchedAt: string | null;
  @ApiProperty({ nullable: true }) deliveredAt: string | null;
  @ApiProperty({ nullable: true, description: 'Minutes after the slot began; null while missing' })
  minutesLate: number | null;
}

export class KitchenOrdersQuery extends DistrictDateQuery {
  @ApiPropertyOptional({ example: 'lunch' })
  @IsOptional()
  @IsSlotName()
  slot?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  kitchenId?: string;
}

/** One line of a kitchen's order: a post's meals for a slot. */
export class OrderLineView {
  @ApiProperty({ format: 'uuid', description: 'The plan' }) id: string;
  @ApiProperty({ format: 'uuid' }) kitchenId: string;
  @ApiProperty() kitchenName: string;
  @ApiProperty() date: string;
  @ApiProperty() slot: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() postCode: string;
  @ApiProperty() postName: string;
  @ApiProperty({ description: 'Where to deliver: the post, its police station and tehsil' }) address: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: DietaryTallyView }) dietary: DietaryTallyView;
  @ApiProperty() status: MealPlanStatus;
}

export class KitchenOrdersPdfReply {
  /** The PDF, base64: NATS carries text. */
  pdf: string;
  kitchens: number;
}

export const COST_GROUPS = ['kitchen', 'tehsil', 'district'] as const;
export type CostGroup = (typeof COST_GROUPS)[number];

export class MealCostQuery extends DistrictDateQuery {
  @ApiPropertyOptional({ enum: COST_GROUPS, default: 'kitchen' })
  @IsOptional()
  @IsIn(COST_GROUPS)
  by?: CostGroup;
}

/** Meals and their cost, from served counts where known and planned ones otherwise. */
export class MealCostView {
  @ApiProperty({ description: 'The kitchen, tehsil or district id' }) id: string;
  @ApiProperty({ enum: COST_GROUPS }) group: CostGroup;
  @ApiProperty({ nullable: true, description: "The kitchen's name; null for a tehsil or district" })
  name: string | null;
  @ApiProperty() date: string;
  @ApiProperty() plans: number;
  @ApiProperty() meals: number;
  @ApiProperty({ description: 'Of those, meals counted as served' }) servedMeals: number;
  @ApiProperty({ description: 'Rupees' }) cost: number;
}
