import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddBedsRequest,
  CreateRoomRequest,
  CreateSiteRequest,
  IdRequest,
  ListSitesQuery,
  LodgingSubjects,
  PageOf,
  RecordWelfareCheckRequest,
  RoomView,
  SiteDetailView,
  SiteView,
  WelfareCheckView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'lodging_site', get: LodgingSubjects.siteGet })
@ApiTags('Lodging')
@Controller('lodging')
export class LodgingSitesController {
  constructor(private readonly rasad: RasadClient) {}

  @Get('sites')
  @ApiOperation({ summary: 'Sites by name, filtered by district, tehsil and kind; each with its number of beds' })
  @ApiOkResponse({ type: PageOf(SiteView) })
  @ApiErrors()
  list(@Query() query: ListSitesQuery) {
    return this.rasad.send(LodgingSubjects.siteList, query);
  }

  @Get('sites/:id')
  @ApiOperation({ summary: 'A site with its rooms and their beds' })
  @ApiOkResponse({ type: SiteDetailView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(LodgingSubjects.siteGet, { id });
  }

  @Post('sites')
  @ApiOperation({ summary: 'A school, rest house, barracks or police lines where deployed people can sleep' })
  @ApiCreatedResponse({ type: SiteDetailView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateSiteRequest) {
    return this.rasad.send(LodgingSubjects.siteCreate, body);
  }

  @Post('sites/:id/rooms')
  @AuditAction('add_room')
  @ApiOperation({ summary: 'A room for men, women or anyone, with its beds; women only where the site suits them' })
  @ApiCreatedResponse({ type: RoomView })
  @ApiErrors(404, 409)
  createRoom(@Param() { id }: IdRequest, @Body() body: CreateRoomRequest) {
    return this.rasad.send(LodgingSubjects.roomCreate, { siteId: id, ...body });
  }

  @Post('rooms/:id/beds')
  @AuditAction('add_beds')
  @ApiOperation({ summary: 'More labelled beds in a room' })
  @ApiCreatedResponse({ type: RoomView })
  @ApiErrors(404, 409)
  addBeds(@Param() { id }: IdRequest, @Body() body: AddBedsRequest) {
    return this.rasad.send(LodgingSubjects.bedAdd, { roomId: id, ...body });
  }

  @Post('sites/:id/welfare-checks')
  @AuditAction('welfare_check')
  @ApiOperation({
    summary:
      "A day's check of the site's water, toilets and power; a failing site is flagged for everyone housed there",
  })
  @ApiCreatedResponse({ type: WelfareCheckView })
  @ApiErrors(404)
  recordWelfare(@Param() { id }: IdRequest, @Body() body: RecordWelfareCheckRequest) {
    return this.rasad.send(LodgingSubjects.welfareCheckRecord, { siteId: id, ...body });
  }
}
