import { Module } from '@nestjs/common';
import { KitchensController } from './kitchens.controller';
import { MealOrdersController } from './meal-orders.controller';
import { MealPlansController } from './meal-plans.controller';

@Module({ controllers: [KitchensController, MealPlansController, MealOrdersController] })
export class MealsRoutesModule {}
