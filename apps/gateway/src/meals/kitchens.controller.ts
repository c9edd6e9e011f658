import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateKitchenRequest,
  IdRequest,
  KitchenView,
  ListKitchensQuery,
  MealsSubjects,
  PageOf,
  UpdateKitchenRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'kitchen', get: MealsSubjects.kitchenGet })
@ApiTags('Meals')
@Controller('meals/kitchens')
export class KitchensController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: "Kitchens and vendors of the caller's districts, by name" })
  @ApiOkResponse({ type: PageOf(KitchenView) })
  @ApiErrors()
  list(@Query() query: ListKitchensQuery) {
    return this.rasad.send(MealsSubjects.kitchenList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: KitchenView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(MealsSubjects.kitchenGet, { id });
  }

  @Post()
  @ApiOperation({ summary: 'A kitchen or vendor: whom it serves, meals a slot, cost per meal' })
  @ApiCreatedResponse({ type: KitchenView })
  @ApiErrors(422)
  create(@Body() body: CreateKitchenRequest) {
    return this.rasad.send(MealsSubjects.kitchenCreate, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a kitchen; its capacity may not fall below meals already planned for a slot' })
  @ApiOkResponse({ type: KitchenView })
  @ApiErrors(404, 409)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateKitchenRequest) {
    return this.rasad.send(MealsSubjects.kitchenUpdate, { id, changes });
  }
}
