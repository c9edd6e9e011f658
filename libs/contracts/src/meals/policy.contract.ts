import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsLocalDate, IsLocalTime } from './local-date';

export const SLOT_NAME = /^[a-z][a-z_]{0,39}$/;
export const SLOT_NAME_MESSAGE = { message: 'slot must be a slot name of lowercase letters and _' };

/** Accepts only slot names as the policy writes them; whether the policy has it is the service's check. */
export const IsSlotName = () => Matches(SLOT_NAME, SLOT_NAME_MESSAGE);

export class MealSlotDto {
  @ApiProperty({ example: 'breakfast' })
  @Matches(SLOT_NAME, { message: 'name must be lowercase letters and _' })
  name: string;

  @ApiProperty({ example: '07:00' })
  @IsLocalTime()
  start: string;

  @ApiProperty({ example: '09:00' })
  @IsLocalTime()
  end: string;
}

export class RamadanDto {
  @ApiProperty({ example: '2027-02-08' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2027-03-09' })
  @IsLocalDate()
  to: string;

  @ApiProperty({ example: '03:30' })
  @IsLocalTime()
  sehriStart: string;

  @ApiProperty({ example: '04:30' })
  @IsLocalTime()
  sehriEnd: string;

  @ApiProperty({ example: '18:00', description: 'Iftar on days not listed in iftarByDate' })
  @IsLocalTime()
  iftar: string;

  @ApiPropertyOptional({ example: { '2027-02-10': '17:52' }, description: 'Iftar (sunset) per date, HH:mm' })
  @IsOptional()
  @IsObject()
  iftarByDate?: Record<string, string>;
}

/** The deployment's meal policy: its days, its slots, and a Ramadan window that replaces them. */
export class MealPolicyRequest {
  @ApiProperty({ example: '2027-02-06', description: 'First day of the deployment (local date)' })
  @IsLocalDate()
  firstDate: string;

  @ApiProperty({ example: '2027-02-09', description: 'Last day of the deployment (local date)' })
  @IsLocalDate()
  lastDate: string;

  @ApiProperty({ type: MealSlotDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => MealSlotDto)
  slots: MealSlotDto[];

  @ApiPropertyOptional({ type: RamadanDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RamadanDto)
  ramadan?: RamadanDto | null;
}

/** The policy in effect: its days are null until an admin sets them (every date is then a meal day). */
export class MealPolicyView {
  @ApiProperty({ example: 'Asia/Karachi' })
  timeZone: string;

  @ApiProperty({ type: String, nullable: true, example: '2027-02-06' })
  firstDate: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-02-09' })
  lastDate: string | null;

  @ApiProperty({ type: MealSlotDto, isArray: true })
  slots: MealSlotDto[];

  @ApiProperty({ type: RamadanDto, nullable: true })
  ramadan: RamadanDto | null;

  @ApiProperty()
  updatedAt: string;
}

export class MealSlotsQuery {
  @ApiProperty({ example: '2027-02-08' })
  @IsLocalDate()
  date: string;
}

export class MealSlotsView {
  @ApiProperty()
  date: string;

  @ApiProperty({ type: MealSlotDto, isArray: true })
  slots: MealSlotDto[];
}
