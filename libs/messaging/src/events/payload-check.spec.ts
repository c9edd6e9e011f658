import {
  AllocationReleasedEvent,
  AssignmentChangedEvent,
  CalendarLinkIssuedEvent,
  MealPlanEvent,
  PersonnelEvent,
  PostEvent,
  SessionRescheduledEvent,
  TripEvent,
  eventPayloadClasses,
} from '@rasad/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { passesValidation, payloadErrors } from './payload-check';

const ID = '0192b5a4-7c1e-7d2a-9f3b-5c6d7e8f9a0b';
const AT = '2027-02-08T06:00:00.000Z';
const duty = {
  id: ID,
  personnelId: ID,
  postId: ID,
  role: 'guard',
  startsAt: AT,
  endsAt: '2027-02-08T18:00:00.000Z',
  phase: 'poll_day',
  status: 'planned',
};
const session = {
  id: ID,
  title: 'Code of conduct',
  topics: ['code_of_conduct'],
  venueName: 'Police Lines Hall',
  venueAddress: 'G.T. Road, Haripur',
  capacity: 40,
  startsAt: AT,
  endsAt: '2027-02-08T08:00:00.000Z',
  presenter: 'DSP Haripur',
  districtId: ID,
  status: 'scheduled',
  sequence: 0,
};
const allocation = {
  id: ID,
  personnelId: ID,
  districtId: ID,
  siteId: ID,
  siteName: 'GHS No. 1',
  address: 'Haripur',
  roomName: 'Room 1',
  bedLabel: 'B1',
  nights: ['2027-02-07'],
};

/** One valid payload of each shape the consumers see: flat, optional fields, nested objects, nested arrays. */
const samples: [new () => object, Record<string, unknown>][] = [
  [
    PersonnelEvent,
    {
      id: ID,
      serviceNumber: 'HRP-00001',
      name: 'Muhammad Arif',
      rank: 'constable',
      unitId: ID,
      homeDistrictId: ID,
      phone: '+923001234567',
      gender: 'male',
      dietaryNeeds: ['diabetic'],
      travelMode: 'provided',
      language: 'ur',
      active: true,
      deactivatedAt: null,
    },
  ],
  [
    PostEvent,
    {
      id: ID,
      code: 'PS-HRP-012',
      name: 'GBPS No. 2',
      kind: 'polling_station',
      category: 'A',
      districtId: ID,
      tehsilId: ID,
      policeStationId: ID,
      latitude: 33.99,
      longitude: null,
      remote: false,
    },
  ],
  [AssignmentChangedEvent, { before: duty, after: { ...duty, status: 'confirmed' }, reason: 'reposted' }],
  [
    TripEvent,
    {
      id: ID,
      districtId: ID,
      vehicleId: ID,
      driverId: ID,
      pickupPointId: ID,
      direction: 'outbound',
      startsAt: AT,
      endsAt: AT,
      status: 'planned',
      statusReason: null,
      stops: [
        { position: 0, postId: ID, arrivesAt: AT, departsAt: AT, arrivedAt: null },
        { position: 1, postId: ID, arrivesAt: AT, departsAt: AT },
      ],
    },
  ],
  [AllocationReleasedEvent, { allocation, released: ['2027-02-07'], reason: 'surplus', note: null }],
  [
    SessionRescheduledEvent,
    {
      session,
      previous: { startsAt: AT, endsAt: AT, venueName: 'Hall', venueAddress: 'Road' },
      reason: 'venue',
      personnelIds: [ID, ID],
    },
  ],
  [
    MealPlanEvent,
    {
      id: ID,
      districtId: ID,
      tehsilId: ID,
      postId: ID,
      postCode: 'PS-HRP-012',
      postName: 'GBPS No. 2',
      date: '2027-02-08',
      slot: 'dinner',
      slotStartsAt: AT,
      kitchenId: ID,
      kitchenName: 'Kitchen',
      count: 12,
      dietary: { diabetic: 1 },
      status: 'planned',
      dispatchedAt: null,
      dispatchedBy: null,
      deliveredAt: null,
      receivedBy: null,
      servedCount: null,
    },
  ],
  [CalendarLinkIssuedEvent, { personnelId: ID, url: 'http://127.0.0.1:3000/calendar/abc.ics' }],
];

/** Values that break one rule or another, and some that pass some: the property decides which. */
const values = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  'x',
  ID,
  ID.toUpperCase(),
  '0192b5a4-7c1e-7d2a-9f3b',
  AT,
  '2027-02-08',
  '2027-02-30T06:00:00Z',
  'http://example.org/x',
  'javascript:alert(1)',
  0,
  -1,
  1.5,
  12,
  true,
  'true',
  [],
  [ID],
  ['x'],
  [null],
  {},
  { id: ID },
  'guard',
  'planned',
  'constable',
  'dinner',
);

type Path = (string | number)[];

/** Every path to a value inside a payload, nested objects and array items included. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return [prefix, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  }
  if (value !== null && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  }
  return [prefix];
}

function withValue(payload: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(payload);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    at = at[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(at)) {
    delete at[last];
  } else {
    at[last] = value;
  }
  return copy;
}

const refusedByValidateSync = (instance: object) => validateSync(instance).length > 0;

describe('the fast payload check', () => {
  it.each(samples.map(([cls, payload]) => [cls.name, cls, payload] as const))(
    'passes a valid %s as validateSync does',
    (_name, cls, payload) => {
      const instance = plainToInstance(cls, payload);
      expect(refusedByValidateSync(instance)).toBe(false);
      expect(passesValidation(instance)).toBe(true);
    },
  );

  it('agrees with validateSync on every payload one change away from a valid one', () => {
    const cases = fc.constantFrom(...samples).chain(([cls, payload]) =>
      fc.record({
        cls: fc.constant(cls),
        payload: fc.constant(payload),
        path: fc.constantFrom(...paths(payload).filter((path) => path.length > 0)),
        value: values,
      }),
    );
    fc.assert(
      fc.property(cases, ({ cls, payload, path, value }) => {
        const instance = plainToInstance(cls, withValue(payload, path, value));
        expect(passesValidation(instance)).toBe(!refusedByValidateSync(instance));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a payload object as validateSync does (unknown values)', () => {
    class Unknown {
      name = 'no rules';
    }
    expect(passesValidation(new Unknown())).toBe(false);
    expect(refusedByValidateSync(new Unknown())).toBe(true);
  });

  it('compiles every registered event class, and an empty payload is refused where validateSync refuses it', () => {
    expect(eventPayloadClasses().size).toBeGreaterThan(20);
    for (const [subject, cls] of eventPayloadClasses()) {
      const instance = plainToInstance(cls, {});
      expect([subject, passesValidation(instance)]).toEqual([subject, !refusedByValidateSync(instance)]);
    }
  });

  it('with the verification on, answers what validateSync answers', () => {
    const instance = plainToInstance(PostEvent, samples[1][1]);
    process.env.RASAD_VERIFY_PAYLOAD_CHECK = 'true';
    try {
      expect(payloadErrors(instance)).toEqual([]);
      const bad = plainToInstance(PostEvent, { ...samples[1][1], id: 'x' });
      expect(payloadErrors(bad).map((e) => e.property)).toEqual(['id']);
    } finally {
      delete process.env.RASAD_VERIFY_PAYLOAD_CHECK;
    }
  });
});
