import { BriefingSessionEvent, EventEnvelope, EventSubject } from '@rasad/contracts';
import { JSONCodec, NatsConnection } from 'nats';
import { v7 as uuidv7 } from 'uuid';

const codec = JSONCodec<EventEnvelope>();

/** Publishes an event as the producing service's outbox relay would: an envelope, Nats-Msg-Id = event id. */
export async function publishEvent(
  nc: NatsConnection,
  subject: EventSubject,
  aggregateId: string,
  payload: object,
  msgId?: string,
): Promise<EventEnvelope> {
  const envelope: EventEnvelope = {
    id: uuidv7(),
    type: subject,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: subject.split('.')[1],
    correlationId: null,
    aggregateId,
    payload,
  };
  await republish(nc, envelope, msgId);
  return envelope;
}

/** The same envelope again (a redelivery, or a relay that published twice), under another Nats-Msg-Id if given. */
export async function republish(nc: NatsConnection, envelope: EventEnvelope, msgId = envelope.id): Promise<void> {
  await nc.jetstream().publish(envelope.type, codec.encode(envelope), { msgID: msgId });
}

export function briefingSession(
  districtId: string,
  overrides: Partial<BriefingSessionEvent> = {},
): BriefingSessionEvent {
  return {
    id: uuidv7(),
    title: 'Code of conduct',
    topics: ['code_of_conduct', 'security_protocol'],
    venueName: 'Govt High School No. 1',
    venueAddress: 'GT Road, Haripur',
    capacity: 40,
    // 10:00 to 12:00 in Karachi
    startsAt: '2027-02-05T05:00:00.000Z',
    endsAt: '2027-02-05T07:00:00.000Z',
    presenter: 'DSP Training',
    districtId,
    status: 'scheduled',
    sequence: 0,
    ...overrides,
  };
}
