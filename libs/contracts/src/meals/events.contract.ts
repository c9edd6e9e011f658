import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { MEAL_PLAN_STATUSES, MealPlanStatus } from './plans.contract';

/** A meal plan as readiness and notices need it: whose meals, where, when, how many, and how far it has got. */
export class MealPlanEvent {
  @IsUUID() id: string;
  @IsUUID() districtId: string;
  @IsUUID() tehsilId: string;
  @IsUUID() postId: string;
  @IsString() postCode: string;
  @IsString() postName: string;
  @IsString() date: string;
  @IsString() slot: string;
  @IsISO8601() slotStartsAt: string;
  @IsUUID() kitchenId: string;
  @IsString() kitchenName: string;
  @IsInt() @Min(0) count: number;
  @IsObject() dietary: Record<string, unknown>;
  @IsIn(MEAL_PLAN_STATUSES) status: MealPlanStatus;
  @IsOptional() @IsISO8601() dispatchedAt: string | null;
  @IsOptional() @IsString() dispatchedBy: string | null;
  @IsOptional() @IsISO8601() deliveredAt: string | null;
  @IsOptional() @IsString() receivedBy: string | null;
  @IsOptional() @IsInt() servedCount: number | null;
}
