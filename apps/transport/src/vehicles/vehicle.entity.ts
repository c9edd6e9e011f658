import { Entity, Opt, Property } from '@mikro-orm/core';
import { ServiceEntity, timestamps } from '@rasad/common';
import { VehicleOwner, VehicleStatus, VehicleType, VehicleView } from '@rasad/contracts';

@Entity({ tableName: 'vehicle' })
export class Vehicle extends ServiceEntity {
  @Property({ type: 'text' })
  registration: string;

  @Property({ type: 'text' })
  type: VehicleType;

  @Property({ type: 'integer' })
  seats: number;

  @Property({ type: 'text' })
  owner: VehicleOwner;

  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'text' })
  status: Opt<VehicleStatus> = 'available';

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;
}

export function vehicleView(v: Vehicle): VehicleView {
  return {
    id: v.id,
    registration: v.registration,
    type: v.type,
    seats: v.seats,
    owner: v.owner,
    districtId: v.districtId,
    status: v.status,
    notes: v.notes,
    ...timestamps(v),
  };
}
