import { EventEnvelope, RosterEvents } from '@rasad/contracts';
import { Geography, TestApi, createGeography, createPersonnel, eventually } from '@rasad/testing';
import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { BriefingsWorld } from '../../../apps/briefings/test/briefings-fixtures';
import { Operation } from './openapi';

/** Real records made through the API, so that every path parameter names one that exists. */
export interface HostileRecords {
  /** By the name bodies, queries and paths give them: districtId, personnelId, invitationId, … */
  ids: Record<string, string>;
  /** The record behind `{id}`, by the path segment before it: `districts`, `briefings`, … */
  byResource: Record<string, string>;
  /** `<token>.ics` of a live calendar link. */
  calendarFile: string;
}

async function created(api: TestApi, path: string, body: object): Promise<Record<string, any>> {
  const response = await api.post(path, body);
  if (response.status !== 201) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export async function createHostileRecords(api: TestApi, db: Client): Promise<HostileRecords> {
  const world = new BriefingsWorld(api, db);
  const geo = await createGeography(api, 'HOSTILE');
  const person = await createPersonnel(api, geo, { name: 'Asif Khan' });
  const colleague = await createPersonnel(api, geo, { name: 'Nadia Bibi', language: 'ur' });
  const dutyId = await world.duty(person.id, geo.postId, 24 * 40);
  await world.projected([person.id, colleague.id], [dutyId], [geo.postId]);
  const session = await world.session(geo.districtId, 24 * 30);
  const [invitation] = (await created(api, `/api/v1/briefings/${session.id}/invitations`, {
    personnelIds: [person.id],
  })) as unknown as { id: string }[];
  const link = await created(api, '/api/v1/calendar-links', { personnelId: person.id });
  // Its own user, so that a PATCH that happens to be valid never disables or demotes the suite's admin.
  const user = await created(api, '/api/v1/users', {
    username: 'hostile.viewer',
    password: 'a-viewer-password-of-length',
    role: 'viewer',
    districtIds: [geo.districtId],
  });
  const deadLetterId = await poisonEvent(db);
  const kitchen = await created(api, '/api/v1/meals/kitchens', {
    name: 'Hostile Caterers',
    districtId: geo.districtId,
    contactPhone: '+923001234567',
    capacityPerSlot: 10_000,
    costPerMeal: 300,
  });
  // Meals knows the post once its projection has the roster's event.
  await eventually(async () => {
    const { rows } = await db.query('select 1 from meals.post where id = $1', [geo.postId]);
    expect(rows).toHaveLength(1);
  });
  const plan = await created(api, '/api/v1/meals/plans', {
    postId: geo.postId,
    kitchenId: kitchen.id,
    date: '2027-02-08',
    slot: 'lunch',
    count: 5,
  });
  const lodging = await createLodgingRecords(api, db, geo, person.id);
  const transport = await transportRecords(api, db, geo, { personnelId: person.id, dutyId, driverId: colleague.id });

  const ids: Record<string, string> = {
    districtId: geo.districtId,
    homeDistrictId: geo.districtId,
    tehsilId: geo.tehsilId,
    policeStationId: geo.policeStationId,
    unitId: geo.unitId,
    postId: geo.postId,
    personnelId: person.id,
    assignmentId: dutyId,
    sessionId: session.id,
    invitationId: invitation.id,
    userId: user.id,
    entityId: person.id,
    kitchenId: kitchen.id as string,
    siteId: lodging.siteId,
    bedId: lodging.bedId,
    ...transport.ids,
  };
  return {
    ids,
    byResource: {
      users: user.id,
      districts: geo.districtId,
      tehsils: geo.tehsilId,
      'police-stations': geo.policeStationId,
      units: geo.unitId,
      posts: geo.postId,
      personnel: person.id,
      assignments: dutyId,
      briefings: session.id,
      'dead-letters': deadLetterId,
      kitchens: kitchen.id as string,
      plans: plan.id as string,
      sites: lodging.siteId,
      rooms: lodging.roomId,
      allocations: lodging.allocationId,
      ...transport.byResource,
    },
    calendarFile: (link.path as string).split('/').pop()!,
  };
}

/** A lodging site with a room and a bed, and the person's bed there for the night a duty of theirs needs. */
async function createLodgingRecords(api: TestApi, db: Client, geo: Geography, personnelId: string) {
  const duty = await created(api, '/api/v1/assignments', {
    personnelId,
    postId: geo.postId,
    role: 'guard',
    phase: 'poll_day',
    startsAt: '2027-03-10T18:00:00+05:00',
    endsAt: '2027-03-11T02:00:00+05:00',
  });
  await eventually(async () => {
    const { rows } = await db.query('select 1 from lodging.duty where id = $1', [duty.id]);
    expect(rows).toHaveLength(1);
  });
  const site = await created(api, '/api/v1/lodging/sites', {
    name: 'Hostile High School',
    kind: 'school',
    districtId: geo.districtId,
    tehsilId: geo.tehsilId,
    address: 'G.T. Road, Haripur',
    latitude: 33.99,
    longitude: 72.91,
    facilities: { water: true, toilets: true, bathing: false, power: true },
    suitableForWomen: true,
  });
  const room = await created(api, `/api/v1/lodging/sites/${site.id}/rooms`, {
    name: 'Classroom 1',
    gender: 'any',
    beds: ['1', '2'],
  });
  const allocation = await created(api, '/api/v1/lodging/allocations', {
    personnelId,
    bedId: room.beds[0].id,
    firstNight: '2027-03-10',
    lastNight: '2027-03-10',
  });
  return {
    siteId: site.id as string,
    roomId: room.id as string,
    bedId: room.beds[0].id as string,
    allocationId: allocation.id as string,
  };
}

/** A vehicle, driver and pickup point of the district, and a trip carrying the person to their duty. */
async function transportRecords(
  api: TestApi,
  db: Client,
  geo: { districtId: string; postId: string },
  people: { personnelId: string; dutyId: string; driverId: string },
): Promise<Pick<HostileRecords, 'ids' | 'byResource'>> {
  await eventually(async () => {
    const { rows } = await db.query<{ n: number }>(
      `select (select count(*) from transport.personnel where id = any($1))
         + (select count(*) from transport.duty where id = $2)::int as n`,
      [[people.personnelId, people.driverId], people.dutyId],
    );
    expect(Number(rows[0].n)).toBe(3);
  });
  const { districtId } = geo;
  const vehicle = await created(api, '/api/v1/transport/vehicles', {
    registration: 'HST-1',
    type: 'coaster',
    seats: 20,
    owner: 'police',
    districtId,
  });
  const driver = await created(api, '/api/v1/transport/drivers', {
    personnelId: people.driverId,
    districtId,
    licenceNumber: 'HST-DL-1',
    licenceClass: 'psv',
    licenceExpiresOn: '2099-12-31',
  });
  const pickupPoint = await created(api, '/api/v1/transport/pickup-points', {
    name: 'Police Lines',
    kind: 'police_lines',
    districtId,
    latitude: 33.99,
    longitude: 72.91,
  });
  const at = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
  const trip = await created(api, '/api/v1/transport/trips', {
    districtId,
    vehicleId: vehicle.id,
    driverId: driver.id,
    pickupPointId: pickupPoint.id,
    direction: 'outbound',
    startsAt: at(24 * 40 - 3),
    endsAt: at(24 * 40 - 1),
    stops: [{ postId: geo.postId, arrivesAt: at(24 * 40 - 2), departsAt: at(24 * 40 - 2) }],
  });
  const booked = await api.post(`/api/v1/transport/trips/${trip.id}/passengers`, {
    passengers: [{ dutyId: people.dutyId }],
  });
  if (booked.status !== 200) {
    throw new Error(`booking answered ${booked.status}: ${JSON.stringify(booked.body)}`);
  }
  return {
    ids: {
      vehicleId: vehicle.id,
      driverId: driver.id,
      pickupPointId: pickupPoint.id,
      tripId: trip.id,
      entryId: booked.body[0].id,
      dutyId: people.dutyId,
      position: '0',
    },
    byResource: { vehicles: vehicle.id, drivers: driver.id, 'pickup-points': pickupPoint.id, trips: trip.id },
  };
}

/** A dead letter as the notifier's consumer would have written it for an event it could not apply. */
async function poisonEvent(db: Client): Promise<string> {
  const id = randomUUID();
  const eventId = randomUUID();
  const envelope: EventEnvelope = {
    id: eventId,
    type: RosterEvents.personnelRegistered,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'roster',
    correlationId: null,
    aggregateId: eventId,
    payload: { id: 'not-a-uuid' },
  };
  await db.query(
    `insert into notifier.dead_letter (id, event_id, subject, envelope, error, deliveries) values ($1, $2, $3, $4, $5, 5)`,
    [id, eventId, envelope.type, JSON.stringify(envelope), 'payload failed validation'],
  );
  return id;
}

/**
 * The operation's path with each parameter replaced by the real record it names. A parameter this function does not
 * know fails the suite, so a new route cannot slip through with a made-up id. `lastParam`, when given, stands in raw
 * (not encoded) for the last parameter: the path itself is then the hostile part.
 */
export function realPath(operation: Operation, records: HostileRecords, lastParam?: string): string {
  const last = operation.pathParams[operation.pathParams.length - 1];
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
    if (lastParam !== undefined && name === last) {
      return lastParam;
    }
    const value =
      name === 'id'
        ? records.byResource[
            operation.path
              .slice(0, offset - 1)
              .split('/')
              .pop()!
          ]
        : name === 'file'
          ? records.calendarFile
          : records.ids[name];
    if (!value) {
      throw new Error(
        `${operation.method} ${operation.path}: no record for {${name}}; add one to createHostileRecords`,
      );
    }
    return encodeURIComponent(value);
  });
}
