import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddBedsMessage,
  CallerScope,
  CreateRoomMessage,
  CreateSiteRequest,
  IdRequest,
  ListSitesQuery,
  LodgingSubjects,
  RecordWelfareCheckMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { SitesService } from './sites.service';

@Controller()
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @MessagePattern(LodgingSubjects.siteCreate)
  create(@Payload() body: CreateSiteRequest, @Scope() scope: CallerScope) {
    return this.sites.create(body, scope);
  }

  @MessagePattern(LodgingSubjects.siteGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.sites.get(id, scope);
  }

  @MessagePattern(LodgingSubjects.siteList)
  list(@Payload() query: ListSitesQuery, @Scope() scope: CallerScope) {
    return this.sites.list(query, scope);
  }

  @MessagePattern(LodgingSubjects.roomCreate)
  createRoom(@Payload() message: CreateRoomMessage, @Scope() scope: CallerScope) {
    return this.sites.createRoom(message, scope);
  }

  @MessagePattern(LodgingSubjects.bedAdd)
  addBeds(@Payload() message: AddBedsMessage, @Scope() scope: CallerScope) {
    return this.sites.addBeds(message, scope);
  }

  @MessagePattern(LodgingSubjects.welfareCheckRecord)
  recordWelfare(@Payload() message: RecordWelfareCheckMessage, @Scope() scope: CallerScope) {
    return this.sites.recordWelfare(message, scope);
  }
}
