import { ServiceEntity, timestamps } from '@rasad/common';
import { Entity, Property } from '@mikro-orm/core';
import { TehsilView } from '@rasad/contracts';

@Entity({ tableName: 'tehsil' })
export class Tehsil extends ServiceEntity {
  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'text', unique: true })
  code: string;

  @Property({ type: 'text' })
  name: string;
}

export function tehsilView(t: Tehsil): TehsilView {
  return { id: t.id, districtId: t.districtId, code: t.code, name: t.name, ...timestamps(t) };
}
