import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { PageQuery } from '../pagination';

export class CreateTehsilRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: 'HRP-GHZ' })
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2-20 capital letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'Ghazi' })
  @IsString()
  @Length(2, 100)
  name: string;
}

export class UpdateTehsilRequest extends PartialType(
  OmitType(CreateTehsilRequest, ['districtId'] as const),
  NOT_NULL,
) {}

export class UpdateTehsilMessage extends UpdateMessage(UpdateTehsilRequest) {}

export class ListTehsilsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;
}

export class TehsilView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}
