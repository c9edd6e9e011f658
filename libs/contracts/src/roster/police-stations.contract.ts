import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { PageQuery } from '../pagination';

export class CreatePoliceStationRequest {
  @ApiProperty({ format: 'uuid', description: 'The tehsil; the district follows from it' })
  @IsUUID()
  tehsilId: string;

  @ApiProperty({ example: 'PS-HRP-CITY' })
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2-20 capital letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'City Haripur' })
  @IsString()
  @Length(2, 100)
  name: string;
}

export class UpdatePoliceStationRequest extends PartialType(
  OmitType(CreatePoliceStationRequest, ['code'] as const),
  NOT_NULL,
) {}

export class UpdatePoliceStationMessage extends UpdateMessage(UpdatePoliceStationRequest) {}

export class ListPoliceStationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tehsilId?: string;
}

export class PoliceStationView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}
