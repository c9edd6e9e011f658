import { Entity, Property } from '@mikro-orm/core';
import { ServiceEntity } from '@rasad/common';
import { LicenceClass } from '@rasad/contracts';

/** A person of the roster who drives the district's trips; name and number come from the roster's facts. */
@Entity({ tableName: 'driver' })
export class Driver extends ServiceEntity {
  @Property({ type: 'uuid' })
  personnelId: string;

  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'text' })
  licenceNumber: string;

  @Property({ type: 'text' })
  licenceClass: LicenceClass;

  /** A local date, `YYYY-MM-DD`, as PostgreSQL's `date` reads back. */
  @Property({ type: 'date', columnType: 'date' })
  licenceExpiresOn: string;
}
