import { ServiceEntity, timestamps } from '@rasad/common';
import { Entity, Property } from '@mikro-orm/core';
import { PoliceStationView } from '@rasad/contracts';

@Entity({ tableName: 'police_station' })
export class PoliceStation extends ServiceEntity {
  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'uuid' })
  tehsilId: string;

  @Property({ type: 'text', unique: true })
  code: string;

  @Property({ type: 'text' })
  name: string;
}

export function policeStationView(s: PoliceStation): PoliceStationView {
  return { id: s.id, districtId: s.districtId, tehsilId: s.tehsilId, code: s.code, name: s.name, ...timestamps(s) };
}
