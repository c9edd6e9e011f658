import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
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
  getDistrict(@Payload() { id }: IdRequest) {
    return this.geography.getDistrict(id);
  }

  @MessagePattern(Subjects.districtList)
  listDistricts(@Payload() query: ListDistrictsQuery) {
    return this.geography.listDistricts(query);
  }

  @MessagePattern(Subjects.districtUpdate)
  updateDistrict(@Payload() message: UpdateDistrictMessage) {
    return this.geography.updateDistrict(message);
  }

  @MessagePattern(Subjects.tehsilCreate)
  createTehsil(@Payload() body: CreateTehsilRequest) {
    return this.geography.createTehsil(body);
  }

  @MessagePattern(Subjects.tehsilGet)
  getTehsil(@Payload() { id }: IdRequest) {
    return this.geography.getTehsil(id);
  }

  @MessagePattern(Subjects.tehsilList)
  listTehsils(@Payload() query: ListTehsilsQuery) {
    return this.geography.listTehsils(query);
  }

  @MessagePattern(Subjects.tehsilUpdate)
  updateTehsil(@Payload() message: UpdateTehsilMessage) {
    return this.geography.updateTehsil(message);
  }

  @MessagePattern(Subjects.policeStationCreate)
  createPoliceStation(@Payload() body: CreatePoliceStationRequest) {
    return this.geography.createPoliceStation(body);
  }

  @MessagePattern(Subjects.policeStationGet)
  getPoliceStation(@Payload() { id }: IdRequest) {
    return this.geography.getPoliceStation(id);
  }

  @MessagePattern(Subjects.policeStationList)
  listPoliceStations(@Payload() query: ListPoliceStationsQuery) {
    return this.geography.listPoliceStations(query);
  }

  @MessagePattern(Subjects.policeStationUpdate)
  updatePoliceStation(@Payload() message: UpdatePoliceStationMessage) {
    return this.geography.updatePoliceStation(message);
  }
}
