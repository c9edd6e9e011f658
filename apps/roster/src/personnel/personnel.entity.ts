import { ServiceEntity, timestamps } from '@rasad/common';
import { ArrayType, Entity, Opt, Property } from '@mikro-orm/core';
import { PersonnelEvent, PersonnelView } from '@rasad/contracts';
import { Gender, Language, Rank, TravelMode } from '@rasad/personnel';

@Entity({ tableName: 'personnel' })
export class Personnel extends ServiceEntity {
  @Property({ type: 'text', unique: true })
  serviceNumber: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  rank: Rank;

  @Property({ type: 'uuid' })
  unitId: string;

  @Property({ type: 'uuid' })
  homeDistrictId: string;

  @Property({ type: 'text', unique: true })
  cnic: string;

  @Property({ type: 'text' })
  phone: string;

  @Property({ type: 'text' })
  gender: Gender;

  @Property({ type: ArrayType, columnType: 'text[]' })
  dietaryNeeds: Opt<string[]> = [];

  @Property({ type: 'text' })
  travelMode: TravelMode;

  @Property({ type: 'text' })
  language: Opt<Language> = 'en';

  /** Set when the person leaves; they stay, with their history, but hold no duty still to come. */
  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  deactivationReason: string | null = null;
}

export function personnelView(p: Personnel): PersonnelView {
  return {
    id: p.id,
    serviceNumber: p.serviceNumber,
    name: p.name,
    rank: p.rank,
    unitId: p.unitId,
    homeDistrictId: p.homeDistrictId,
    cnic: p.cnic,
    phone: p.phone,
    gender: p.gender,
    dietaryNeeds: p.dietaryNeeds,
    travelMode: p.travelMode,
    language: p.language,
    active: p.deactivatedAt === null,
    deactivatedAt: p.deactivatedAt?.toISOString() ?? null,
    deactivationReason: p.deactivationReason,
    ...timestamps(p),
  };
}

export function personnelEvent(p: Personnel): PersonnelEvent {
  const { cnic: _cnic, createdAt: _c, updatedAt: _u, ...event } = personnelView(p);
  return event;
}
