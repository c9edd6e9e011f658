import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CallerScope,
  CreateDistrictRequest,
  CreatePoliceStationRequest,
  CreateTehsilRequest,
  IdRequest,
  ListDistrictsQuery,
  ListPoliceStationsQuery,
  ListTehsilsQuery,
  RosterSubjects,
  UpdateDistrictMessage,
  UpdatePoliceStationMessage,
  UpdateTehsilMessage,
} from '@rasad/contracts';
import { GeographyService } from './geography.service';

@Controller()
export class GeographyController {
  constructor(private readonly geography: GeographyService) {}

  @MessagePattern(RosterSubjects.districtCreate)
  createDistrict(@Payload() body: CreateDistrictRequest) {
    return this.geography.createDistrict(body);
  }

  @MessagePattern(RosterSubjects.districtGet)
  getDistrict(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.geography.getDistrict(id, scope);
  }

  @MessagePattern(RosterSubjects.districtList)
  listDistricts(@Payload() query: ListDistrictsQuery, @Scope() scope: CallerScope) {
    return this.geography.listDistricts(query, scope);
  }

  @MessagePattern(RosterSubjects.districtUpdate)
  updateDistrict(@Payload() message: UpdateDistrictMessage, @Scope() scope: CallerScope) {
    return this.geography.updateDistrict(message, scope);
  }

  @MessagePattern(RosterSubjects.tehsilCreate)
  createTehsil(@Payload() body: CreateTehsilRequest, @Scope() scope: CallerScope) {
    return this.geography.createTehsil(body, scope);
  }

  @MessagePattern(RosterSubjects.tehsilGet)
  getTehsil(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.geography.getTehsil(id, scope);
  }

  @MessagePattern(RosterSubjects.tehsilList)
  listTehsils(@Payload() query: ListTehsilsQuery, @Scope() scope: CallerScope) {
    return this.geography.listTehsils(query, scope);
  }

  @MessagePattern(RosterSubjects.tehsilUpdate)
  updateTehsil(@Payload() message: UpdateTehsilMessage, @Scope() scope: CallerScope) {
    return this.geography.updateTehsil(message, scope);
  }

  @MessagePattern(RosterSubjects.policeStationCreate)
  createPoliceStation(@Payload() body: CreatePoliceStationRequest, @Scope() scope: CallerScope) {
    return this.geography.createPoliceStation(body, scope);
  }

  @MessagePattern(RosterSubjects.policeStationGet)
  getPoliceStation(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.geography.getPoliceStation(id, scope);
  }

  @MessagePattern(RosterSubjects.policeStationList)
  listPoliceStations(@Payload() query: ListPoliceStationsQuery, @Scope() scope: CallerScope) {
    return this.geography.listPoliceStations(query, scope);
  }

  @MessagePattern(RosterSubjects.policeStationUpdate)
  updatePoliceStation(@Payload() message: UpdatePoliceStationMessage, @Scope() scope: CallerScope) {
    return this.geography.updatePoliceStation(message, scope);
  }
}
