import { ServiceEntity, timestamps } from '@rasad/common';
import { Entity, Property } from '@mikro-orm/core';
import { DistrictEvent, DistrictView } from '@rasad/contracts';

@Entity({ tableName: 'district' })
export class District extends ServiceEntity {
  @Property({ type: 'text', unique: true })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', nullable: true })
  province: string | null = null;
}

export function districtView(d: District): DistrictView {
  return { id: d.id, code: d.code, name: d.name, province: d.province, ...timestamps(d) };
}

export function districtEvent(d: District): DistrictEvent {
  return { id: d.id, code: d.code, name: d.name, province: d.province };
}
