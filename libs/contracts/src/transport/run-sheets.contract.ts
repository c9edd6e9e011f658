import { ApiProperty } from '@nestjs/swagger';
import { LEG_KINDS, LegKind, TripView } from './trips.contract';

export class RunSheetPassengerView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) rank: string | null;
  @ApiProperty({ enum: LEG_KINDS }) leg: LegKind;
}

export class RunSheetStopView {
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ type: String, nullable: true }) postCode: string | null;
  @ApiProperty({ type: String, nullable: true }) postName: string | null;
  @ApiProperty({ format: 'date-time' }) arrivesAt: string;
  @ApiProperty({ format: 'date-time' }) departsAt: string;
  @ApiProperty({
    type: RunSheetPassengerView,
    isArray: true,
    description: 'Dropped here (outbound), picked up (return)',
  })
  passengers: RunSheetPassengerView[];
}

/** What a driver carries: the vehicle, where to start, each stop in order with who gets off or on there. */
export class RunSheetView {
  @ApiProperty({ type: TripView }) trip: TripView;
  @ApiProperty() vehicle: { registration: string; type: string; seats: number };
  @ApiProperty() driver: { name: string | null; serviceNumber: string | null; licenceNumber: string };
  @ApiProperty() pickupPoint: { name: string; address: string | null };
  @ApiProperty({ type: RunSheetStopView, isArray: true }) stops: RunSheetStopView[];
}
