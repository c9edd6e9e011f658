import { ArrayType, Entity, Opt, Property } from '@mikro-orm/core';
import { ServiceEntity, timestamps } from '@rasad/common';
import { KitchenView } from '@rasad/contracts';

/** A kitchen or vendor: whom it serves, how many meals a slot, at what price. */
@Entity({ tableName: 'kitchen' })
export class Kitchen extends ServiceEntity {
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  tehsilIds: Opt<string[]> = [];

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  postIds: Opt<string[]> = [];

  @Property({ type: 'text' })
  contactPhone: string;

  @Property({ type: 'integer' })
  capacityPerSlot: number;

  // numeric comes back from the driver as text; cost is read as a number in views.
  @Property({ type: 'decimal', columnType: 'numeric(10,2)' })
  costPerMeal: string;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}

export function kitchenView(k: Kitchen): KitchenView {
  return {
    id: k.id,
    name: k.name,
    districtId: k.districtId,
    tehsilIds: k.tehsilIds,
    postIds: k.postIds,
    contactPhone: k.contactPhone,
    capacityPerSlot: k.capacityPerSlot,
    costPerMeal: Number(k.costPerMeal),
    active: k.active,
    ...timestamps(k),
  };
}
