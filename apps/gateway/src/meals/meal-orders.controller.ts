import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  DeliveryProblemView,
  DistrictDateQuery,
  KitchenOrdersQuery,
  MealCostQuery,
  MealCostView,
  MealPolicyRequest,
  MealPolicyView,
  MealSlotsQuery,
  MealSlotsView,
  MealsSubjects,
  OrderLineView,
  PageOf,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'meal_policy' })
@ApiTags('Meals')
@Controller('meals')
export class MealOrdersController {
  constructor(private readonly rasad: RasadClient) {}

  @Get('policy')
  @ApiOperation({ summary: "The deployment's meal policy: its days, slots and Ramadan window" })
  @ApiOkResponse({ type: MealPolicyView })
  @ApiErrors()
  policy() {
    return this.rasad.send(MealsSubjects.policyGet, {});
  }

  @Put('policy')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the meal policy (admins)' })
  @ApiOkResponse({ type: MealPolicyView })
  @ApiErrors()
  setPolicy(@Body() body: MealPolicyRequest) {
    return this.rasad.send(MealsSubjects.policySet, body);
  }

  @Get('slots')
  @ApiOperation({ summary: 'The meal slots of a date, Ramadan ones in Ramadan' })
  @ApiOkResponse({ type: MealSlotsView })
  @ApiErrors()
  slots(@Query() query: MealSlotsQuery) {
    return this.rasad.send(MealsSubjects.slotsOn, query);
  }

  @Get('orders')
  @ApiOperation({ summary: "Kitchen orders of a district's day: a line per post and slot, by kitchen" })
  @ApiOkResponse({ type: PageOf(OrderLineView) })
  @ApiErrors(404)
  orders(@Query() query: KitchenOrdersQuery) {
    return this.rasad.send(MealsSubjects.orderList, query);
  }

  @Get('orders.pdf')
  @ApiOperation({ summary: 'The same orders to print: one page per kitchen' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async ordersPdf(@Query() query: KitchenOrdersQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const { pdf } = await this.rasad.send(MealsSubjects.orderPdf, query);
    // Set on success only: an error still goes out as the JSON every route answers with.
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="meal-orders-${query.date}.pdf"`);
    return Buffer.from(pdf, 'base64');
  }

  @Get('deliveries/problems')
  @ApiOperation({ summary: "A district's late and missing deliveries of a day, in slot order" })
  @ApiOkResponse({ type: PageOf(DeliveryProblemView) })
  @ApiErrors(404)
  problems(@Query() query: DistrictDateQuery) {
    return this.rasad.send(MealsSubjects.deliveryProblems, query);
  }

  @Get('cost')
  @ApiOperation({ summary: "The day's meals and cost by kitchen, tehsil or district: served counts where known" })
  @ApiOkResponse({ type: PageOf(MealCostView) })
  @ApiErrors(404)
  cost(@Query() query: MealCostQuery) {
    return this.rasad.send(MealsSubjects.costList, query);
  }
}
