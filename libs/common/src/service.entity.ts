import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

/** The id and timestamps every service's own records carry. UUID v7 keys sort by creation time, which is what cursor pagination walks. */
@Entity({ abstract: true })
export abstract class ServiceEntity {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = uuidv7();

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

export function timestamps(entity: ServiceEntity): { createdAt: string; updatedAt: string } {
  return { createdAt: entity.createdAt.toISOString(), updatedAt: entity.updatedAt.toISOString() };
}
