import { Entity, Opt, Property } from '@mikro-orm/core';
import { ServiceEntity } from '@rasad/common';
import { LegKind, TripStatus } from '@rasad/contracts';

/**
 * A vehicle and its driver taken from `startsAt` to `endsAt`. `seatsTaken` is kept by the manifest's trigger and
 * bounded by a check constraint: code reads it, never writes it.
 */
@Entity({ tableName: 'trip' })
export class Trip extends ServiceEntity {
  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'uuid' })
  vehicleId: string;

  @Property({ type: 'uuid' })
  driverId: string;

  @Property({ type: 'uuid' })
  pickupPointId: string;

  @Property({ type: 'text' })
  direction: LegKind;

  @Property({ type: 'timestamptz' })
  startsAt: Date;

  @Property({ type: 'timestamptz' })
  endsAt: Date;

  @Property({ type: 'text' })
  status: Opt<TripStatus> = 'planned';

  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Property({ type: 'integer' })
  seats: number;

  /** Never assigned in code, so MikroORM never writes it back over the trigger's count. */
  @Property({ type: 'integer' })
  seatsTaken: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;
}
