import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { PageQuery } from '../pagination';

export class CreateDistrictRequest {
  @ApiProperty({ example: 'HRP', description: 'Short unique code, capitals and digits' })
  @Matches(/^[A-Z0-9-]{2,12}$/, { message: 'code must be 2-12 capital letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'Haripur' })
  @IsString()
  @Length(2, 100)
  name: string;

  @ApiPropertyOptional({ example: 'Khyber Pakhtunkhwa' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  province?: string;
}

export class UpdateDistrictRequest extends PartialType(CreateDistrictRequest, NOT_NULL) {}

export class UpdateDistrictMessage extends UpdateMessage(UpdateDistrictRequest) {}

export class ListDistrictsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;
}

export class DistrictView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
}
