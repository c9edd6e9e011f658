import { EntityManager, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AssignmentEvent, EventEnvelope, PersonnelEvent, PostEvent } from '@rasad/contracts';
import { EventOf } from '@rasad/messaging';
import {
  DutyChange,
  DutyProjectionConsumer,
  PersonnelProjectionConsumer,
  PostProjectionConsumer,
  RosterProjectionRepository,
  rosterProjectionSql,
} from '@rasad/roster-projection';
import { TestDatabase, createTestDatabase } from '@rasad/testing';
import { v7 as uuidv7 } from 'uuid';

const SCHEMA = 'projspec';

const of = <P>(payload: P, id = uuidv7()): EventOf<P> => ({ payload, envelope: { id } as EventEnvelope<P> });

const person = (id: string, name: string): PersonnelEvent => ({
  id,
  serviceNumber: `HRP-${id.slice(-4)}`,
  name,
  rank: 'constable',
  unitId: uuidv7(),
  homeDistrictId: uuidv7(),
  phone: '+923001234567',
  gender: 'male',
  dietaryNeeds: [],
  travelMode: 'provided',
  language: 'ur',
  active: true,
  deactivatedAt: null,
  deactivationReason: null,
});

const post = (id: string, name: string): PostEvent => ({
  id,
  code: `PS-${id.slice(-4)}`,
  name,
  kind: 'checkpoint',
  category: null,
  districtId: uuidv7(),
  tehsilId: uuidv7(),
  policeStationId: uuidv7(),
  latitude: null,
  longitude: null,
  remote: false,
});

const duty = (id: string, status: AssignmentEvent['status']): AssignmentEvent => ({
  id,
  personnelId: uuidv7(),
  postId: uuidv7(),
  role: 'guard',
  phase: 'poll_day',
  status,
  startsAt: '2027-02-08T01:00:00.000Z',
  endsAt: '2027-02-08T13:00:00.000Z',
});

/** The roster projection's set-based writes against the real PostgreSQL: one statement per run, latest event wins. */
describe('roster projection', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let repository: RosterProjectionRepository;
  let hooked: DutyChange[][];
  const transaction = <T>(work: (em: EntityManager) => Promise<T>) => orm.em.fork().transactional(work);
  const rows = <T extends object>(sql: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(sql, params);

  beforeAll(async () => {
    database = await createTestDatabase('roster_projection');
    orm = await MikroORM.init({
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      allowGlobalContext: false,
    });
    await rows(`create schema ${SCHEMA}`);
    for (const sql of rosterProjectionSql({ schema: SCHEMA, tables: ['personnel', 'post', 'duty'] })) {
      await rows(sql);
    }
    repository = new RosterProjectionRepository({ schema: SCHEMA, tables: ['personnel', 'post', 'duty'] });
  });

  beforeEach(() => {
    hooked = [];
  });

  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('writes a run of people with one statement, each the latest of its events, and no phone unless asked', async () => {
    const [a, b] = [uuidv7(), uuidv7()];
    const overtaken = uuidv7();
    const people = new PersonnelProjectionConsumer(repository, null);
    await transaction((em) =>
      people.personnel([of(person(a, 'Asad')), of(person(b, 'Bilal')), of(person(a, 'Asad Mehmood'))], em),
    );
    // An event older than the one applied (a retry overtaken by the update) changes nothing.
    await transaction((em) => people.personnel([of(person(a, 'Asad (old)'), overtaken)], em));

    expect(
      await rows<{ id: string; name: string }>(
        `select id, name from ${SCHEMA}.personnel where id = any(?::uuid[]) order by id`,
        [`{${a},${b}}`],
      ),
    ).toEqual([
      { id: a, name: 'Asad Mehmood' },
      { id: b, name: 'Bilal' },
    ]);
    const phone = await rows(
      `select 1 from information_schema.columns where table_schema = ? and table_name = 'personnel' and column_name = 'phone'`,
      [SCHEMA],
    );
    expect(phone).toHaveLength(0);
  });

  it('tells the hooks what each duty event found, and keeps a cancelled duty from an overtaken created', async () => {
    const id = uuidv7();
    const createdId = uuidv7();
    const duties = new DutyProjectionConsumer(repository, {
      dutiesApplied: (_em, changes) => {
        hooked.push([...changes]);
        return Promise.resolve();
      },
    });
    const planned = duty(id, 'planned');
    await transaction((em) =>
      duties.changed(
        [of({ before: planned, after: { ...planned, status: 'confirmed' as const }, reason: 'moved' })],
        em,
      ),
    );
    await transaction((em) =>
      duties.cancelled([of({ ...planned, status: 'cancelled' as const, reason: 'personnel_deactivated' })], em),
    );
    // The created event, retried after both, is older news.
    await transaction((em) => duties.created([of(planned, createdId)], em));

    expect(hooked.flat().map((change) => [change.kind, change.held, change.stale])).toEqual([
      ['changed', null, false],
      ['cancelled', 'confirmed', false],
      ['created', 'cancelled', true],
    ]);
    expect(hooked[1][0]).toMatchObject({ kind: 'cancelled', reason: 'personnel_deactivated' });
    expect(await rows(`select status from ${SCHEMA}.duty where id = ?`, [id])).toEqual([{ status: 'cancelled' }]);
  });

  it('moves a service’s older tables onto the lib, keeping their rows, and keeps phones when asked', async () => {
    const older = 'projolder';
    await rows(`create schema ${older}`);
    await rows(`create table ${older}.post (id uuid primary key, code text not null, name text not null,
      district_id uuid not null, updated_at timestamptz not null default now())`);
    await rows(`create table ${older}.personnel (id uuid primary key, name text not null, rank text not null,
      phone text not null, language text not null, home_district_id uuid, updated_at timestamptz not null default now())`);
    const kept = post(uuidv7(), 'Police Lines');
    await rows(`insert into ${older}.post (id, code, name, district_id) values (?, ?, ?, ?)`, [
      kept.id,
      kept.code,
      kept.name,
      kept.districtId,
    ]);
    const options = { schema: older, tables: ['personnel', 'post'] as const, phones: true };
    for (const sql of rosterProjectionSql(options)) {
      await rows(sql);
    }

    expect(await rows(`select name, kind, event_id from ${older}.post`)).toEqual([
      { name: 'Police Lines', kind: null, event_id: null },
    ]);
    const lib = new RosterProjectionRepository(options);
    const renamed = { ...kept, name: 'Police Lines Hall' };
    const someone = person(uuidv7(), 'Zahid');
    await transaction(async (em) => {
      await new PostProjectionConsumer(lib, null).posts([of(renamed)], em);
      await new PersonnelProjectionConsumer(lib, null).personnel([of(someone)], em);
    });
    expect(await rows(`select name, kind from ${older}.post`)).toEqual([
      { name: 'Police Lines Hall', kind: 'checkpoint' },
    ]);
    expect(await rows(`select phone, service_number from ${older}.personnel`)).toEqual([
      { phone: someone.phone, service_number: someone.serviceNumber },
    ]);
  });
});
