import { Entity, Property } from '@mikro-orm/core';
import { ServiceEntity } from '@rasad/common';
import { RoomGender } from '@rasad/contracts';

/** A room of a site, for men, for women or for anyone; its beds are its capacity. */
@Entity({ tableName: 'room' })
export class Room extends ServiceEntity {
  @Property({ type: 'uuid' }) siteId: string;
  @Property({ type: 'text' }) name: string;
  @Property({ type: 'text' }) gender: RoomGender;
}

/** A labelled bed in a room. */
@Entity({ tableName: 'bed' })
export class Bed extends ServiceEntity {
  @Property({ type: 'uuid' }) roomId: string;
  @Property({ type: 'text' }) label: string;
}
