import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateMealPlanRequest,
  DeliverMealRequest,
  DispatchMealRequest,
  GenerateMealPlansRequest,
  GenerateMealPlansView,
  HeadcountView,
  HeadcountsQuery,
  IdRequest,
  ListMealPlansQuery,
  MealPlanView,
  MealsSubjects,
  PageOf,
  ServeMealRequest,
  UpdateMealPlanRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'meal_plan', get: MealsSubjects.planGet })
@ApiTags('Meals')
@Controller('meals')
export class MealPlansController {
  constructor(private readonly rasad: RasadClient) {}

  @Get('headcounts')
  @ApiOperation({
    summary: 'People to feed per post and slot of a day, from live duties, with dietary tallies (names on request)',
  })
  @ApiOkResponse({ type: PageOf(HeadcountView) })
  @ApiErrors(404)
  headcounts(@Query() query: HeadcountsQuery) {
    return this.rasad.send(MealsSubjects.headcountList, query);
  }

  @Post('plans/generate')
  @AuditAction('generate')
  @HttpCode(200)
  @ApiOperation({
    summary: "Plan every post and slot of a district's day with people on duty, within kitchen capacities",
  })
  @ApiOkResponse({ type: GenerateMealPlansView })
  @ApiErrors(409, 422)
  generate(@Body() body: GenerateMealPlansRequest) {
    return this.rasad.send(MealsSubjects.planGenerate, body);
  }

  @Get('plans')
  @ApiOperation({ summary: 'Meal plans, each flagged short or surplus against its live headcount' })
  @ApiOkResponse({ type: PageOf(MealPlanView) })
  @ApiErrors()
  list(@Query() query: ListMealPlansQuery) {
    return this.rasad.send(MealsSubjects.planList, query);
  }

  @Get('plans/:id')
  @ApiOkResponse({ type: MealPlanView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(MealsSubjects.planGet, { id });
  }

  @Post('plans')
  @ApiOperation({ summary: "Plan a post's slot at a kitchen; by default for its live headcount" })
  @ApiCreatedResponse({ type: MealPlanView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateMealPlanRequest) {
    return this.rasad.send(MealsSubjects.planCreate, body);
  }

  @Patch('plans/:id')
  @ApiOperation({ summary: 'Change count or kitchen, take the live headcount, or order or cancel a plan' })
  @ApiOkResponse({ type: MealPlanView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() body: UpdateMealPlanRequest) {
    return this.rasad.send(MealsSubjects.planUpdate, { id, ...body });
  }

  @Post('plans/:id/dispatch')
  @AuditAction('dispatch')
  @HttpCode(200)
  @ApiOperation({ summary: "The meal left the kitchen: the post's in-charge is told, once" })
  @ApiOkResponse({ type: MealPlanView })
  @ApiErrors(404, 409)
  dispatch(@Param() { id }: IdRequest, @Body() body: DispatchMealRequest) {
    return this.rasad.send(MealsSubjects.dispatch, { id, ...body });
  }

  @Post('plans/:id/deliver')
  @AuditAction('deliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'The meal reached the post: when, and who received it' })
  @ApiOkResponse({ type: MealPlanView })
  @ApiErrors(404, 409)
  deliver(@Param() { id }: IdRequest, @Body() body: DeliverMealRequest) {
    return this.rasad.send(MealsSubjects.deliver, { id, ...body });
  }

  @Post('plans/:id/serve')
  @AuditAction('serve')
  @HttpCode(200)
  @ApiOperation({ summary: 'How many were served: what the vendor is paid for' })
  @ApiOkResponse({ type: MealPlanView })
  @ApiErrors(404, 409)
  serve(@Param() { id }: IdRequest, @Body() body: ServeMealRequest) {
    return this.rasad.send(MealsSubjects.serve, { id, ...body });
  }
}
