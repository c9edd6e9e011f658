import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pgConstraint } from '@rasad/common';
import {
  AddBedsMessage,
  CallerScope,
  CreateRoomMessage,
  CreateSiteRequest,
  DomainError,
  ErrorCode,
  ListSitesQuery,
  Page,
  RecordWelfareCheckMessage,
  RoomView,
  SiteDetailView,
  SiteView,
  WelfareCheckView,
} from '@rasad/contracts';
import { ensureInScope, ensureReferenceInScope } from '@rasad/messaging';
import { Bed, Room } from './room.entity';
import { Site, siteView } from './site.entity';
import { SitesRepository } from './sites.repository';

/** Sites, their rooms and beds: the capacity allocations draw on. */
@Injectable()
export class SitesService {
  constructor(
    private readonly em: EntityManager,
    private readonly sites: SitesRepository,
  ) {}

  async create(body: CreateSiteRequest, scope: CallerScope): Promise<SiteDetailView> {
    // Lodging keeps no district list of its own (the roster emits no district events): scope is the check.
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const { facilities, ...fields } = body;
    const site = this.em.create(Site, { ...fields, ...facilities });
    await this.flushOrExplain(this.em, {
      site_name_once: () => duplicate('name', `district ${body.districtId} already has a site named ${body.name}`),
    });
    return { ...siteView(site, 0), rooms: [] };
  }

  async get(id: string, scope: CallerScope): Promise<SiteDetailView> {
    const site = await this.findSite(this.em, id, scope);
    const rooms = await this.sites.rooms(this.em, site.id);
    const beds = rooms.reduce((sum, room) => sum + room.beds.length, 0);
    return { ...siteView(site, beds), rooms };
  }

  list(query: ListSitesQuery, scope: CallerScope): Promise<Page<SiteView>> {
    return this.sites.list(this.em, query, scope);
  }

  /** A room and its beds. Women are housed only where the site is suitable for them. */
  async createRoom(message: CreateRoomMessage, scope: CallerScope): Promise<RoomView> {
    const site = await this.findSite(this.em, message.siteId, scope);
    if (message.gender === 'female' && !site.suitableForWomen) {
      const text = `site ${site.id} (${site.name}) is not suitable for women: it can have no room for women`;
      throw new DomainError(ErrorCode.InvalidState, text, [{ field: 'gender', message: text }], { siteId: site.id });
    }
    // Plain uuid columns give the unit of work no order between tables: the room goes first, its beds after it.
    const room = await this.em.transactional(async (em) => {
      const created = em.create(Room, { siteId: site.id, name: message.name, gender: message.gender });
      await this.flushOrExplain(em, {
        room_name_once: () => duplicate('name', `site ${site.id} already has a room named ${message.name}`),
      });
      for (const label of message.beds ?? []) {
        em.create(Bed, { roomId: created.id, label });
      }
      await em.flush();
      return created;
    });
    return this.sites.room(this.em, room.id);
  }

  async addBeds(message: AddBedsMessage, scope: CallerScope): Promise<RoomView> {
    const room = await this.em.findOne(Room, { id: message.roomId });
    if (!room) {
      throw DomainError.notFound('room', message.roomId);
    }
    await this.findSite(this.em, room.siteId, scope, 'room', room.id);
    for (const label of message.labels) {
      this.em.create(Bed, { roomId: room.id, label });
    }
    await this.flushOrExplain(this.em, {
      bed_label_once: () => duplicate('labels', `room ${room.id} already has a bed with one of these labels`),
    });
    return this.sites.room(this.em, room.id);
  }

  /** An officer's check of the site's water, toilets and power on a day. */
  async recordWelfare(message: RecordWelfareCheckMessage, scope: CallerScope): Promise<WelfareCheckView> {
    await this.findSite(this.em, message.siteId, scope);
    return this.sites.recordWelfare(this.em, message);
  }

  /** The site in the caller's districts, else a 404 (naming `entity`, the record the caller asked for). */
  async findSite(
    em: EntityManager,
    id: string,
    scope: CallerScope,
    entity = 'site',
    entityId = id,
    lock = false,
  ): Promise<Site> {
    const site = await em.findOne(Site, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_READ } : {});
    if (!site) {
      throw DomainError.notFound(entity, entityId);
    }
    ensureInScope(scope, site.districtId, entity, entityId);
    return site;
  }

  private async flushOrExplain(em: EntityManager, explain: Record<string, () => DomainError>): Promise<void> {
    try {
      await em.flush();
    } catch (error) {
      const constraint = pgConstraint(error);
      if (constraint && Object.hasOwn(explain, constraint)) {
        em.clear();
        throw explain[constraint]();
      }
      throw error;
    }
  }
}

function duplicate(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.Duplicate, message, [{ field, message }]);
}
