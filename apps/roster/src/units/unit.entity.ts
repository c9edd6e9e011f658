import { ServiceEntity, timestamps } from '@rasad/common';
import { Entity, Property } from '@mikro-orm/core';
import { Force, UnitView } from '@rasad/contracts';

@Entity({ tableName: 'unit' })
export class Unit extends ServiceEntity {
  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'text', unique: true })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  force: Force;
}

export function unitView(u: Unit): UnitView {
  return { id: u.id, districtId: u.districtId, code: u.code, name: u.name, force: u.force, ...timestamps(u) };
}
