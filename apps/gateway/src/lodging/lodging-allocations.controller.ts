import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AllocationView,
  AutoAllocateRequest,
  AutoAllocationView,
  CreateAllocationRequest,
  IdRequest,
  ListAllocationsQuery,
  ListNightsQuery,
  LodgingNightView,
  LodgingSubjects,
  OccupancyQuery,
  OccupancyView,
  PageOf,
  ReleaseAllocationRequest,
  StayTimeRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'lodging_allocation', get: LodgingSubjects.allocationGet })
@ApiTags('Lodging')
@Controller('lodging')
export class LodgingAllocationsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get('allocations')
  @ApiOperation({ summary: 'Allocations by first night, filtered by district, site, person, nights and status' })
  @ApiOkResponse({ type: PageOf(AllocationView) })
  @ApiErrors()
  list(@Query() query: ListAllocationsQuery) {
    return this.rasad.send(LodgingSubjects.allocationList, query);
  }

  @Get('allocations/:id')
  @ApiOkResponse({ type: AllocationView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(LodgingSubjects.allocationGet, { id });
  }

  @Post('allocations')
  @ApiOperation({
    summary:
      'A bed for a person for nights their duties need; 409 naming the allocation when the bed or the person is ' +
      'taken that night, or the room is not for their gender',
  })
  @ApiCreatedResponse({ type: AllocationView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateAllocationRequest) {
    return this.rasad.send(LodgingSubjects.allocationCreate, body);
  }

  @Post('allocations/auto')
  @AuditAction('auto_allocate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Beds for every night the district's duties need from..to: nearest site first, a unit kept together where it " +
      'can; surplus nights given back; answers who could not be housed and why',
  })
  @ApiOkResponse({ type: AutoAllocationView })
  @ApiErrors(422)
  auto(@Body() body: AutoAllocateRequest) {
    return this.rasad.send(LodgingSubjects.allocationAuto, body);
  }

  @Post('allocations/:id/release')
  @AuditAction('release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give back the nights not yet begun' })
  @ApiOkResponse({ type: AllocationView })
  @ApiErrors(404)
  release(@Param() { id }: IdRequest, @Body() body: ReleaseAllocationRequest) {
    return this.rasad.send(LodgingSubjects.allocationRelease, { id, ...body });
  }

  @Post('allocations/:id/check-in')
  @AuditAction('check_in')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person arrived (default now) for a night the allocation holds' })
  @ApiOkResponse({ type: AllocationView })
  @ApiErrors(404, 409)
  checkIn(@Param() { id }: IdRequest, @Body() body: StayTimeRequest) {
    return this.rasad.send(LodgingSubjects.allocationCheckIn, { id, ...body });
  }

  @Post('allocations/:id/check-out')
  @AuditAction('check_out')
  @HttpCode(200)
  @ApiOperation({ summary: 'The person left (default now): the nights from that day on are given back' })
  @ApiOkResponse({ type: AllocationView })
  @ApiErrors(404, 409)
  checkOut(@Param() { id }: IdRequest, @Body() body: StayTimeRequest) {
    return this.rasad.send(LodgingSubjects.allocationCheckOut, { id, ...body });
  }

  @Get('occupancy')
  @ApiOperation({ summary: 'Per site and night: beds, held, checked in, free' })
  @ApiOkResponse({ type: PageOf(OccupancyView) })
  @ApiErrors()
  occupancy(@Query() query: OccupancyQuery) {
    return this.rasad.send(LodgingSubjects.occupancyList, query);
  }

  @Get('nights')
  @ApiOperation({
    summary: "Each night people's duties need, housed or unhoused, and beds held that no duty needs (surplus)",
  })
  @ApiOkResponse({ type: PageOf(LodgingNightView) })
  @ApiErrors()
  nights(@Query() query: ListNightsQuery) {
    return this.rasad.send(LodgingSubjects.nightList, query);
  }
}
