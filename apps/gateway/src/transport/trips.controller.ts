import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Min } from 'class-validator';
import {
  AddPassengersRequest,
  ArriveAtStopRequest,
  CancelTripRequest,
  CreateTripRequest,
  IdRequest,
  ListManifestQuery,
  ListTripsQuery,
  ManifestEntryView,
  PageOf,
  RunSheetView,
  TransportSubjects,
  TripView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { GatewayEnv } from '../gateway.env';
import { ApiErrors } from '../http/api-errors.decorator';
import { runSheetPdf } from './run-sheet-pdf';

class StopParams extends IdRequest {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  position: number;
}

class ManifestEntryParams extends IdRequest {
  @IsUUID()
  entryId: string;
}

@ApiBearerAuth()
@Audited({ entity: 'trip', get: TransportSubjects.tripGet })
@ApiTags('Transport')
@Controller('transport/trips')
export class TripsController {
  constructor(
    private readonly rasad: RasadClient,
    private readonly env: GatewayEnv,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Trips by start, with their stops; filter by district, vehicle, driver, status, dates' })
  @ApiOkResponse({ type: PageOf(TripView) })
  @ApiErrors()
  list(@Query() query: ListTripsQuery) {
    return this.rasad.send(TransportSubjects.tripList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TripView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(TransportSubjects.tripGet, { id });
  }

  @Post()
  @ApiOperation({
    summary:
      'Plan a trip: vehicle, driver, pickup point, stops in order. A vehicle or driver already on an overlapping ' +
      'trip is a 409 naming that trip; a driver whose licence does not cover the vehicle or has expired is a 422',
  })
  @ApiCreatedResponse({ type: TripView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateTripRequest) {
    return this.rasad.send(TransportSubjects.tripCreate, body);
  }

  @Post(':id/cancel')
  @AuditAction('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a trip not yet completed: the vehicle, driver and every passenger are freed' })
  @ApiOkResponse({ type: TripView })
  @ApiErrors(404, 409)
  cancel(@Param() { id }: IdRequest, @Body() body: CancelTripRequest) {
    return this.rasad.send(TransportSubjects.tripCancel, { id, ...body });
  }

  @Get(':id/run-sheet')
  @ApiOperation({
    summary: "The driver's run sheet: vehicle, driver, pickup point, each stop in order with its passengers",
  })
  @ApiOkResponse({ type: RunSheetView })
  @ApiErrors(404)
  runSheet(@Param() { id }: IdRequest) {
    return this.rasad.send(TransportSubjects.tripRunSheet, { id });
  }

  @Get(':id/run-sheet.pdf')
  @ApiOperation({ summary: 'The run sheet as a PDF to print for the driver, times local' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async runSheetPdf(@Param() { id }: IdRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const pdf = await runSheetPdf(
      await this.rasad.send(TransportSubjects.tripRunSheet, { id }),
      this.env.RASAD_TIME_ZONE,
    );
    // Set on success only: an error still goes out as the JSON every route answers with.
    void reply.header('content-type', 'application/pdf');
    return pdf;
  }

  @Post(':id/dispatch')
  @AuditAction('dispatch')
  @HttpCode(200)
  @ApiOperation({ summary: 'The trip leaves: planned to dispatched' })
  @ApiOkResponse({ type: TripView })
  @ApiErrors(404, 409)
  dispatch(@Param() { id }: IdRequest) {
    return this.rasad.send(TransportSubjects.tripDispatch, { id });
  }

  @Post(':id/stops/:position/arrive')
  @AuditAction('arrive')
  @HttpCode(200)
  @ApiParam({ name: 'position', type: Number, description: 'The stop, from 0 in the order driven' })
  @ApiOperation({
    summary:
      "Record the arrival at a stop (now unless arrivedAt); after a passenger's arriveBy there it is flagged late",
  })
  @ApiOkResponse({ type: TripView })
  @ApiErrors(404, 409)
  arrive(@Param() { id, position }: StopParams, @Body() body: ArriveAtStopRequest) {
    return this.rasad.send(TransportSubjects.tripArrive, { id, position, ...body });
  }

  @Post(':id/complete')
  @AuditAction('complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'The trip is over: everyone was dropped' })
  @ApiOkResponse({ type: TripView })
  @ApiErrors(404, 409)
  complete(@Param() { id }: IdRequest) {
    return this.rasad.send(TransportSubjects.tripComplete, { id });
  }

  @Get(':id/passengers')
  @ApiOperation({ summary: "The trip's manifest by name; filter by status and flag (reposted, duty_cancelled)" })
  @ApiOkResponse({ type: PageOf(ManifestEntryView) })
  @ApiErrors(404)
  passengers(@Param() { id }: IdRequest, @Query() query: ListManifestQuery) {
    return this.rasad.send(TransportSubjects.manifestList, { ...query, id });
  }

  @Post(':id/passengers')
  @AuditAction('book')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Book passengers by duty, for the leg the trip drives, all or none: past the seats a 409 TRIP.FULL, a person ' +
      'already on an overlapping trip a 409 naming it',
  })
  @ApiOkResponse({ type: ManifestEntryView, isArray: true })
  @ApiErrors(404, 409, 422)
  book(@Param() { id }: IdRequest, @Body() body: AddPassengersRequest) {
    return this.rasad.send(TransportSubjects.manifestAdd, { id, ...body });
  }

  @Delete(':id/passengers/:entryId')
  @ApiParam({ name: 'entryId', format: 'uuid' })
  @ApiOperation({ summary: 'Take a passenger off the manifest; the seat is free again' })
  @ApiOkResponse({ type: ManifestEntryView })
  @ApiErrors(404)
  unbook(@Param() { id, entryId }: ManifestEntryParams) {
    return this.rasad.send(TransportSubjects.manifestRemove, { id, entryId });
  }
}
