import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Language } from '@rasad/personnel';

/** A person as the notifier needs them, kept from the roster's personnel events. */
@Entity({ tableName: 'recipient' })
export class Recipient {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  rank: string;

  /** Null for someone recorded before the notifier kept it, until their next event. */
  @Property({ type: 'text', nullable: true })
  serviceNumber: string | null = null;

  @Property({ type: 'text' })
  phone: string;

  @Property({ type: 'text' })
  language: Opt<Language> = 'en';

  /** With the posts of their live duties, the districts whose officers may see and change their channel. */
  @Property({ type: 'uuid', nullable: true })
  homeDistrictId: string | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
