import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CreateKitchenRequest,
  DomainError,
  ErrorCode,
  FieldError,
  KitchenView,
  ListKitchensQuery,
  Page,
  UpdateKitchenMessage,
} from '@rasad/contracts';
import { ensureInScope, ensureReferenceInScope } from '@rasad/messaging';
import { capacityConflict } from '../plans/capacity';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { Kitchen, kitchenView } from './kitchen.entity';
import { KitchensRepository } from './kitchens.repository';

@Injectable()
export class KitchensService {
  constructor(
    private readonly em: EntityManager,
    private readonly kitchens: KitchensRepository,
    private readonly facts: RosterFactsRepository,
  ) {}

  async create(body: CreateKitchenRequest, scope: CallerScope): Promise<KitchenView> {
    // Meals keeps no district list (the roster emits no district events): scope is the check, as in briefings.
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    await this.ensureServesKnown(body.districtId, body.tehsilIds ?? [], body.postIds ?? []);
    const kitchen = this.em.create(Kitchen, {
      name: body.name,
      districtId: body.districtId,
      tehsilIds: body.tehsilIds ?? [],
      postIds: body.postIds ?? [],
      contactPhone: body.contactPhone,
      capacityPerSlot: body.capacityPerSlot,
      costPerMeal: body.costPerMeal.toFixed(2),
      active: body.active ?? true,
    });
    await this.em.flush();
    return kitchenView(kitchen);
  }

  /**
   * The posts and tehsils a kitchen serves are its district's, as meals knows them from the roster: anything else is a
   * 422 naming the entry (another district's post reads as one that does not exist).
   */
  private async ensureServesKnown(districtId: string, tehsilIds: string[], postIds: string[]): Promise<void> {
    if (tehsilIds.length === 0 && postIds.length === 0) {
      return;
    }
    const known = await this.facts.knownIn(this.em, districtId, postIds, tehsilIds);
    const errors: FieldError[] = [
      ...postIds.flatMap((id, index) =>
        known.posts.has(id) ? [] : [{ field: `postIds[${index}]`, message: `no post with id ${id} in the district` }],
      ),
      ...tehsilIds.flatMap((id, index) =>
        known.tehsils.has(id)
          ? []
          : [{ field: `tehsilIds[${index}]`, message: `no tehsil with id ${id} and posts in the district` }],
      ),
    ];
    if (errors.length > 0) {
      throw new DomainError(
        ErrorCode.ReferenceNotFound,
        errors.map((error) => `${error.field}: ${error.message}`).join('; '),
        errors,
      );
    }
  }

  async get(id: string, scope: CallerScope): Promise<KitchenView> {
    return kitchenView(await findKitchen(this.em, id, scope));
  }

  list(query: ListKitchensQuery, scope: CallerScope): Promise<Page<KitchenView>> {
    return this.kitchens.list(this.em, query, scope);
  }

  /** Lowering the capacity below what a slot already has planned is refused (409 naming the slot). */
  async update({ id, changes }: UpdateKitchenMessage, scope: CallerScope): Promise<KitchenView> {
    const kitchen = await findKitchen(this.em, id, scope);
    await this.ensureServesKnown(kitchen.districtId, changes.tehsilIds ?? [], changes.postIds ?? []);
    const { costPerMeal, ...rest } = changes;
    this.em.assign(kitchen, { ...rest, ...(costPerMeal === undefined ? {} : { costPerMeal: costPerMeal.toFixed(2) }) });
    try {
      await this.em.flush();
    } catch (error) {
      throw capacityConflict(error, new Map([[kitchen.id, kitchen.name]])) ?? error;
    }
    return kitchenView(kitchen);
  }
}

/** A kitchen in the caller's districts, else 404 (as for one that does not exist). */
export async function findKitchen(em: EntityManager, id: string, scope: CallerScope): Promise<Kitchen> {
  const kitchen = await em.findOne(Kitchen, { id });
  if (!kitchen) {
    throw DomainError.notFound('kitchen', id);
  }
  ensureInScope(scope, kitchen.districtId, 'kitchen', id);
  return kitchen;
}

/** A kitchen named in a body: outside the caller's districts it is as absent as one that never existed (422). */
export async function findKitchenReference(
  em: EntityManager,
  id: string,
  scope: CallerScope,
  field = 'kitchenId',
): Promise<Kitchen> {
  const kitchen = await em.findOne(Kitchen, { id });
  if (!kitchen) {
    throw DomainError.referenceNotFound(field, 'kitchen', id);
  }
  ensureReferenceInScope(scope, kitchen.districtId, field, 'kitchen', id);
  return kitchen;
}
