import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateDriverRequest,
  CreatePickupPointRequest,
  CreateVehicleRequest,
  DriverView,
  IdRequest,
  ListDriversQuery,
  ListPickupPointsQuery,
  ListVehiclesQuery,
  PageOf,
  PickupPointView,
  TransportSubjects,
  UpdateDriverRequest,
  UpdatePickupPointRequest,
  UpdateVehicleRequest,
  VehicleView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'vehicle', get: TransportSubjects.vehicleGet })
@ApiTags('Transport')
@Controller('transport/vehicles')
export class VehiclesController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'The fleet, by registration; filter by district, type and status' })
  @ApiOkResponse({ type: PageOf(VehicleView) })
  @ApiErrors()
  list(@Query() query: ListVehiclesQuery) {
    return this.rasad.send(TransportSubjects.vehicleList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: VehicleView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(TransportSubjects.vehicleGet, { id });
  }

  @Post()
  @ApiCreatedResponse({ type: VehicleView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateVehicleRequest) {
    return this.rasad.send(TransportSubjects.vehicleCreate, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a vehicle; its seats may not fall below a manifest booked on a trip not yet over' })
  @ApiOkResponse({ type: VehicleView })
  @ApiErrors(404, 409)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateVehicleRequest) {
    return this.rasad.send(TransportSubjects.vehicleUpdate, { id, changes });
  }
}

@ApiBearerAuth()
@Audited({ entity: 'driver', get: TransportSubjects.driverGet })
@ApiTags('Transport')
@Controller('transport/drivers')
export class DriversController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'Drivers by name, with licence class and expiry' })
  @ApiOkResponse({ type: PageOf(DriverView) })
  @ApiErrors()
  list(@Query() query: ListDriversQuery) {
    return this.rasad.send(TransportSubjects.driverList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: DriverView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(TransportSubjects.driverGet, { id });
  }

  @Post()
  @ApiOperation({ summary: 'Make a person of the roster a driver of the district, with their licence' })
  @ApiCreatedResponse({ type: DriverView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateDriverRequest) {
    return this.rasad.send(TransportSubjects.driverCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: DriverView })
  @ApiErrors(404)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateDriverRequest) {
    return this.rasad.send(TransportSubjects.driverUpdate, { id, changes });
  }
}

@ApiBearerAuth()
@Audited({ entity: 'pickup_point', get: TransportSubjects.pickupPointGet })
@ApiTags('Transport')
@Controller('transport/pickup-points')
export class PickupPointsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'Police lines, police stations and lodging sites where trips start and end' })
  @ApiOkResponse({ type: PageOf(PickupPointView) })
  @ApiErrors()
  list(@Query() query: ListPickupPointsQuery) {
    return this.rasad.send(TransportSubjects.pickupPointList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PickupPointView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(TransportSubjects.pickupPointGet, { id });
  }

  @Post()
  @ApiCreatedResponse({ type: PickupPointView })
  @ApiErrors(422)
  create(@Body() body: CreatePickupPointRequest) {
    return this.rasad.send(TransportSubjects.pickupPointCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PickupPointView })
  @ApiErrors(404)
  update(@Param() { id }: IdRequest, @Body() changes: UpdatePickupPointRequest) {
    return this.rasad.send(TransportSubjects.pickupPointUpdate, { id, changes });
  }
}
