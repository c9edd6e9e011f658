import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AllocationEvent,
  AllocationReleasedEvent,
  AllocationStayEvent,
  AttendanceRecordedEvent,
  BriefingsEvents,
  EventEnvelope,
  LodgingEvents,
  ManifestEvent,
  MealPlanEvent,
  MealsEvents,
  TransportEvents,
  TripEvent,
} from '@rasad/contracts';
import { EventOf, OnEventBatch } from '@rasad/messaging';
import { SourcesRepository } from './sources.repository';
import { VerdictsService } from './verdicts.service';

const HOUR_MS = 60 * 60 * 1000;

/**
 * What briefings, meals, transport and lodging report, each run kept with one statement, then the duties it
 * touches judged again in the same transaction.
 */
@Injectable()
export class SourcesConsumer {
  constructor(
    private readonly sources: SourcesRepository,
    private readonly verdicts: VerdictsService,
  ) {}

  @OnEventBatch(BriefingsEvents.attendanceRecorded)
  async attendance(events: EventOf<AttendanceRecordedEvent>[], em: EntityManager): Promise<void> {
    await this.sources.upsertAttendance(em, events);
    await this.verdicts.recompute(em, {
      personnelIds: events.flatMap(({ payload }) => payload.entries.map((entry) => entry.personnelId)),
    });
    await this.sources.recordApplied(
      em,
      events.map(({ envelope }) => envelope),
    );
  }

  @OnEventBatch(
    MealsEvents.planPlanned,
    MealsEvents.planChanged,
    MealsEvents.dispatched,
    MealsEvents.delivered,
    MealsEvents.served,
  )
  async mealPlans(events: EventOf<MealPlanEvent>[], em: EntityManager): Promise<void> {
    await this.sources.upsertMealPlans(em, events);
    // The duties whose window holds the slot's midpoint: a slot lasts a few hours from its start.
    await this.verdicts.recompute(em, {
      posts: events.map(({ payload }) => ({
        postId: payload.postId,
        from: new Date(Date.parse(payload.slotStartsAt) - 6 * HOUR_MS),
        to: new Date(Date.parse(payload.slotStartsAt) + 6 * HOUR_MS),
      })),
    });
    await this.sources.recordApplied(
      em,
      events.map(({ envelope }) => envelope),
    );
  }

  @OnEventBatch(
    TransportEvents.tripPlanned,
    TransportEvents.tripDispatched,
    TransportEvents.tripArrived,
    TransportEvents.tripCompleted,
    TransportEvents.tripCancelled,
  )
  async trips(events: EventOf<TripEvent>[], em: EntityManager): Promise<void> {
    const travellers = await this.sources.upsertTrips(em, events);
    await this.verdicts.recompute(em, { personnelIds: travellers });
    await this.sources.recordApplied(
      em,
      events.map(({ envelope }) => envelope),
    );
  }

  @OnEventBatch(TransportEvents.manifestBooked)
  async booked(events: EventOf<ManifestEvent>[], em: EntityManager): Promise<void> {
    await this.manifests(events, em, 'booked');
  }

  @OnEventBatch(TransportEvents.manifestCancelled)
  async unbooked(events: EventOf<ManifestEvent>[], em: EntityManager): Promise<void> {
    await this.manifests(events, em, 'cancelled');
  }

  @OnEventBatch(LodgingEvents.allocationCreated)
  async allocated(events: EventOf<AllocationEvent>[], em: EntityManager): Promise<void> {
    await this.allocations(
      em,
      events.map(({ payload, envelope }) => ({ allocation: payload, envelope: envelope })),
    );
  }

  @OnEventBatch(LodgingEvents.allocationReleased)
  async released(events: EventOf<AllocationReleasedEvent>[], em: EntityManager): Promise<void> {
    await this.allocations(
      em,
      events.map(({ payload, envelope }) => ({ allocation: payload.allocation, envelope: envelope })),
    );
  }

  @OnEventBatch(LodgingEvents.allocationCheckedIn, LodgingEvents.allocationCheckedOut)
  async stays(events: EventOf<AllocationStayEvent>[], em: EntityManager): Promise<void> {
    await this.allocations(
      em,
      events.map(({ payload, envelope }) => ({ allocation: payload.allocation, envelope: envelope })),
    );
  }

  private async manifests(events: EventOf<ManifestEvent>[], em: EntityManager, status: 'booked' | 'cancelled') {
    await this.sources.upsertManifests(em, events, status);
    await this.verdicts.recompute(em, { personnelIds: events.map(({ payload }) => payload.personnelId) });
    await this.sources.recordApplied(
      em,
      events.map(({ envelope }) => envelope),
    );
  }

  private async allocations(em: EntityManager, events: { allocation: AllocationEvent; envelope: EventEnvelope }[]) {
    await this.sources.upsertAllocations(
      em,
      events.map(({ allocation, envelope }) => ({ allocation, eventId: envelope.id })),
    );
    await this.verdicts.recompute(em, { personnelIds: events.map(({ allocation }) => allocation.personnelId) });
    await this.sources.recordApplied(
      em,
      events.map(({ envelope }) => envelope),
    );
  }
}
