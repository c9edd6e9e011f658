import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, MealPlanEvent, MealsEvents } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { NoticeWriter } from './notice-writer';
import { NoticesRepository } from './notices.repository';

/**
 * The post's in-charge hears that its meal left the kitchen: once, since meals records a dispatch once and the
 * notice is written once per (event, person, channel); in their language, as every notice.
 */
@Injectable()
export class MealNoticesConsumer {
  constructor(
    private readonly notices: NoticeWriter,
    private readonly repository: NoticesRepository,
  ) {}

  @OnEvent(MealsEvents.dispatched)
  async dispatched(meal: MealPlanEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    const dispatchedAt = new Date(meal.dispatchedAt ?? envelope.occurredAt);
    const slotStartsAt = new Date(meal.slotStartsAt);
    const [from, to] = dispatchedAt < slotStartsAt ? [dispatchedAt, slotStartsAt] : [slotStartsAt, dispatchedAt];
    const inCharges = await this.repository.inChargesAround(em, meal.postId, from, to);
    await this.notices.write(em, envelope, {
      personnelIds: inCharges,
      districtId: meal.districtId,
      facts: {
        kind: 'meal_dispatched',
        meal: {
          postName: meal.postName,
          postCode: meal.postCode,
          slot: meal.slot,
          count: meal.count,
          dispatchedAt: dispatchedAt.toISOString(),
          dispatchedBy: meal.dispatchedBy ?? '',
        },
      },
    });
  }
}
