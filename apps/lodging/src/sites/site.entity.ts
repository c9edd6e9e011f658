import { Entity, Property } from '@mikro-orm/core';
import { ServiceEntity, timestamps } from '@rasad/common';
import { SiteKind, SiteView } from '@rasad/contracts';

/** A place where deployed people sleep: a school, a rest house, barracks, police lines. */
@Entity({ tableName: 'site' })
export class Site extends ServiceEntity {
  @Property({ type: 'text' }) name: string;
  @Property({ type: 'text' }) kind: SiteKind;
  @Property({ type: 'uuid' }) districtId: string;
  @Property({ type: 'uuid' }) tehsilId: string;
  @Property({ type: 'text' }) address: string;
  @Property({ type: 'double' }) latitude: number;
  @Property({ type: 'double' }) longitude: number;
  @Property({ type: 'boolean' }) water: boolean;
  @Property({ type: 'boolean' }) toilets: boolean;
  @Property({ type: 'boolean' }) bathing: boolean;
  @Property({ type: 'boolean' }) power: boolean;
  @Property({ type: 'boolean' }) suitableForWomen: boolean;
}

export function siteView(site: Site, beds: number): SiteView {
  return {
    id: site.id,
    name: site.name,
    kind: site.kind,
    districtId: site.districtId,
    tehsilId: site.tehsilId,
    address: site.address,
    latitude: site.latitude,
    longitude: site.longitude,
    facilities: { water: site.water, toilets: site.toilets, bathing: site.bathing, power: site.power },
    suitableForWomen: site.suitableForWomen,
    beds,
    ...timestamps(site),
  };
}
