import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CreateDistrictRequest,
  CreatePoliceStationRequest,
  CreateTehsilRequest,
  IdRequest,
  ListDistrictsQuery,
  ListPoliceStationsQuery,
  ListTehsilsQuery,
  Subjects,
  UpdateDistrictMessage,
  UpdatePoliceStationMessage,
  UpdateTehsilMessage,
  CallerScope,
} from '@rasad/contracts';
import { GeographyService } from './geography.service';

@Controller()
export class GeographyController {
  constructor(private readonly geography: GeographyService) {}

  @MessagePattern(Subjects.districtCreate)
  createDistrict(@Payload() body: CreateDistrictRequest) {
    return this.geography.createDistrict(body);
  }

  @MessagePattern(Subjects.districtGet)
  getDistrict(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.geography.getDistrict(id, scope);
  }

  @MessagePattern(Subjects.districtList)
  listDistricts(@Payload() query: ListDistrictsQuery, @Scope() scope: CallerScope) {
    return this.geography.listDistricts(query, scope);
  }

  @MessagePattern(Subjects.districtUpdate)
  updateDistrict(@Payload() message: UpdateDistrictMessage, @Scope() scope: CallerScope) {
    return this.geography.updateDistrict(message, scope);
  }

  @MessagePattern(Subjects.tehsilCreate)
  createTehsil(@Payload() body: CreateTehsilRequest, @Scope() scope: CallerScope) {
    return this.geography.createTehsil(body, scope);
  }

  @MessagePattern(Subjects.tehsilGet)
  getTehsil(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.geography.getTehsil(id, scope);
  }

  @MessagePattern(Subjects.tehsilList)
  listTehsils(@Payload() query: ListTehsilsQuery, @Scope() scope: CallerScope) {
    return this.geography.listTehsils(query, scope);
  }

  @MessagePattern(Subjects.tehsilUpdate)
  updateTehsil(@Payload() message: UpdateTehsilMessage, @Scope() scope: CallerScope) {
    return this.geography.updateTehsil(message, scope);
  }

  @MessagePattern(Subjects.policeStationCreate)
  createPoliceStation(@Payload() body: CreatePoliceStationRequest, @Scope() scope: CallerScope) {
    return this.geography.createPoliceStation(body, scope);
  }

  @MessagePattern(Subjects.policeStationGet)
  getPoliceStation(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.geography.getPoliceStation(id, scope);
  }

  @MessagePattern(Subjects.policeStationList)
  listPoliceStations(@Payload() query: ListPoliceStationsQuery, @Scope() scope: CallerScope) {
    return this.geography.listPoliceStations(query, scope);
  }

  @MessagePattern(Subjects.policeStationUpdate)
  updatePoliceStation(@Payload() message: UpdatePoliceStationMessage, @Scope() scope: CallerScope) {
    return this.geography.updatePoliceStation(message, scope);
  }
}
