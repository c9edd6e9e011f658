import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { IsPakistanMobile } from '@rasad/personnel';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { PageQuery } from '../pagination';

export class CreateKitchenRequest {
  @ApiProperty({ example: 'Ghazi Tehsil Caterers' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiPropertyOptional({ format: 'uuid', isArray: true, description: 'Tehsils whose posts it serves' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  tehsilIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', isArray: true, description: 'Posts it serves besides its tehsils' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  postIds?: string[];

  @ApiProperty({ example: '+923001234567' })
  @IsPakistanMobile()
  contactPhone: string;

  @ApiProperty({ minimum: 0, maximum: 100000, example: 600, description: 'Meals it can prepare for one slot' })
  @IsInt()
  @Min(0)
  @Max(100000)
  capacityPerSlot: number;

  @ApiProperty({ minimum: 0, example: 450, description: 'Rupees per meal' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100000)
  costPerMeal: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** A kitchen stays in its district; everything else may change. */
export class UpdateKitchenRequest extends PartialType(
  OmitType(CreateKitchenRequest, ['districtId'] as const),
  NOT_NULL,
) {}

export class UpdateKitchenMessage extends UpdateMessage(UpdateKitchenRequest) {}

export class ListKitchensQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: 'true or false' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class KitchenView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid', isArray: true }) tehsilIds: string[];
  @ApiProperty({ format: 'uuid', isArray: true }) postIds: string[];
  @ApiProperty() contactPhone: string;
  @ApiProperty() capacityPerSlot: number;
  @ApiProperty() costPerMeal: number;
  @ApiProperty() active: boolean;
}
