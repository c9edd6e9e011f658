import { Entity, Property } from '@mikro-orm/core';
import { ServiceEntity, timestamps } from '@rasad/common';
import { PickupPointKind, PickupPointView } from '@rasad/contracts';

/** Where outbound trips start and return trips end: police lines, a police station, a lodging site. */
@Entity({ tableName: 'pickup_point' })
export class PickupPoint extends ServiceEntity {
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  kind: PickupPointKind;

  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'double' })
  latitude: number;

  @Property({ type: 'double' })
  longitude: number;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;
}

export function pickupPointView(p: PickupPoint): PickupPointView {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    districtId: p.districtId,
    latitude: p.latitude,
    longitude: p.longitude,
    address: p.address,
    ...timestamps(p),
  };
}
