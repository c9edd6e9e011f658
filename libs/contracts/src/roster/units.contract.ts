import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { AnyOfIds, PageQuery } from '../pagination';

export const FORCES = ['police', 'elite_force', 'frontier_corps', 'rangers', 'army', 'volunteers'] as const;
export type Force = (typeof FORCES)[number];

export class CreateUnitRequest {
  @ApiProperty({ format: 'uuid', description: 'The district the unit belongs to' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: 'HRP-POLICE-LINES' })
  @Matches(/^[A-Z0-9-]{2,30}$/, { message: 'code must be 2-30 capital letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'District Police Lines Haripur' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ enum: FORCES })
  @IsIn(FORCES)
  force: Force;
}

export class UpdateUnitRequest extends PartialType(CreateUnitRequest, NOT_NULL) {}

export class UpdateUnitMessage extends UpdateMessage(UpdateUnitRequest) {}

export class ListUnitsQuery extends PageQuery {
  @AnyOfIds('unit')
  ids?: string[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ enum: FORCES })
  @IsOptional()
  @IsIn(FORCES)
  force?: Force;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  search?: string;
}

export class UnitView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: FORCES }) force: Force;
}
