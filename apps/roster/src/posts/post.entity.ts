import { ServiceEntity, timestamps } from '@rasad/common';
import { Entity, Opt, Property } from '@mikro-orm/core';
import { PostEvent, PostView } from '@rasad/contracts';
import { PostCategory, PostKind } from '@rasad/duty-assignments';

@Entity({ tableName: 'post' })
export class Post extends ServiceEntity {
  @Property({ type: 'text', unique: true })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  kind: PostKind;

  @Property({ type: 'text', nullable: true })
  category: PostCategory | null = null;

  @Property({ type: 'uuid' })
  districtId: string;

  @Property({ type: 'uuid' })
  tehsilId: string;

  @Property({ type: 'uuid' })
  policeStationId: string;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'boolean' })
  remote: Opt<boolean> = false;
}

export function postView(p: Post): PostView {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    category: p.category,
    districtId: p.districtId,
    tehsilId: p.tehsilId,
    policeStationId: p.policeStationId,
    latitude: p.latitude,
    longitude: p.longitude,
    remote: p.remote,
    ...timestamps(p),
  };
}

export function postEvent(p: Post): PostEvent {
  const { createdAt: _c, updatedAt: _u, ...event } = postView(p);
  return event;
}
