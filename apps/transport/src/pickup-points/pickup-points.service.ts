import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CreatePickupPointRequest,
  ListPickupPointsQuery,
  Page,
  PickupPointView,
  UpdatePickupPointRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { ensureReferenceInScope } from '@rasad/messaging';
import { assignDefined, findInScope } from '../shared/records';
import { PickupPoint, pickupPointView } from './pickup-point.entity';
import { PickupPointsRepository } from './pickup-points.repository';

@Injectable()
export class PickupPointsService {
  constructor(
    private readonly em: EntityManager,
    private readonly pickupPoints: PickupPointsRepository,
  ) {}

  async create(body: CreatePickupPointRequest, scope: CallerScope): Promise<PickupPointView> {
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const point = this.em.create(PickupPoint, { ...body, address: body.address ?? null });
    await this.em.flush();
    return pickupPointView(point);
  }

  async get(id: string, scope: CallerScope): Promise<PickupPointView> {
    return pickupPointView(await findInScope(this.em, PickupPoint, 'pickup point', id, scope));
  }

  list(query: ListPickupPointsQuery, scope: CallerScope): Promise<Page<PickupPointView>> {
    return this.pickupPoints.list(this.em, query, scope);
  }

  async update({ id, changes }: UpdateRequest<UpdatePickupPointRequest>, scope: CallerScope): Promise<PickupPointView> {
    const point = await findInScope(this.em, PickupPoint, 'pickup point', id, scope);
    assignDefined(point, changes);
    await this.em.flush();
    return pickupPointView(point);
  }
}
