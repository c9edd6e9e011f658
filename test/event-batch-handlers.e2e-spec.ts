import { EntityManager, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { EventEnvelope, EventSubjects } from '@rasad/contracts';
import { messagingTablesSql } from '@rasad/messaging';
import { Delivery, EventHandler, InboxBatch, batchHandler } from '@rasad/messaging/events/inbox-batch';
import { TestDatabase, createTestDatabase } from '@rasad/testing';
import { v7 as uuidv7 } from 'uuid';

const SCHEMA = 'batchspec';

interface Mark {
  aggregate: string;
  step: number;
  poison?: boolean;
}

/** InboxBatch with set-based handlers, against the real PostgreSQL: what the consumer's guarantees rest on. */
describe('InboxBatch with batch handlers', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  let inbox: InboxBatch;
  /** Each call of the batch handler: the steps it was given, in the order given. */
  let runs: string[][];

  const label = ({ aggregate, step }: Mark) => `${aggregate}${step}`;

  /** Writes a whole run with one statement, as a projection would; fails the run if any event of it is poison. */
  const marks: EventHandler = batchHandler(async (events, em) => {
    const given = events.map(({ payload }) => payload as Mark);
    runs.push(given.map(label));
    await em.execute(
      `insert into ${SCHEMA}.applied (event_id, label)
       select (m->>'id')::uuid, m->>'label' from jsonb_array_elements(?::jsonb) m`,
      [JSON.stringify(events.map(({ envelope, payload }) => ({ id: envelope.id, label: label(payload as Mark) })))],
    );
    if (given.some((mark) => mark.poison)) {
      throw new Error('poison');
    }
  });
  /** A one-at-a-time handler between runs. */
  const note: EventHandler = {
    each: async (payload, envelope, em) => {
      runs.push([`note:${label(payload as Mark)}`]);
      await em.execute(`insert into ${SCHEMA}.applied (event_id, label) values (?, ?)`, [
        envelope.id,
        label(payload as Mark),
      ]);
    },
  };

  const delivery = (handler: EventHandler, mark: Mark): Delivery<string> => {
    const envelope: EventEnvelope = {
      id: uuidv7(),
      type: handler === marks ? EventSubjects.postUpdated : EventSubjects.reminderDue,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'spec',
      correlationId: null,
      aggregateId: mark.aggregate,
      payload: mark,
    };
    return { envelope, payload: mark, handler, copies: [label(mark)] };
  };
  const apply = (deliveries: Delivery<string>[]) =>
    inbox.apply(deliveries, { budgetMs: Infinity, stopping: () => false });
  const applied = async () =>
    (await orm.em.fork().execute<{ label: string }[]>(`select label from ${SCHEMA}.applied order by seq`)).map(
      (row) => row.label,
    );
  const inInbox = async (deliveries: Delivery<string>[]) =>
    (
      await orm.em
        .fork()
        .execute<{ event_id: string }[]>(`select event_id from ${SCHEMA}.inbox where event_id = any(?::uuid[])`, [
          `{${deliveries.map((d) => d.envelope.id).join(',')}}`,
        ])
    ).length;

  beforeAll(async () => {
    database = await createTestDatabase('batch_handlers');
    orm = await MikroORM.init({
      driver: PostgreSqlDriver,
      clientUrl: database.url,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      allowGlobalContext: false,
    });
    const em: EntityManager = orm.em.fork();
    await em.execute(`create schema ${SCHEMA}`);
    for (const sql of messagingTablesSql(SCHEMA)) {
      await em.execute(sql);
    }
    await em.execute(
      `create table ${SCHEMA}.applied (seq int generated always as identity, event_id uuid not null, label text)`,
    );
    inbox = new InboxBatch(orm, SCHEMA);
  });

  beforeEach(async () => {
    runs = [];
    await orm.em.fork().execute(`truncate ${SCHEMA}.applied`);
  });

  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('gives a batch handler each run of consecutive events, in arrival order, and commits them with their inbox rows', async () => {
    const deliveries = [
      delivery(marks, { aggregate: 'a', step: 1 }),
      delivery(marks, { aggregate: 'b', step: 1 }),
      delivery(marks, { aggregate: 'a', step: 2 }),
      delivery(note, { aggregate: 'b', step: 2 }),
      delivery(marks, { aggregate: 'b', step: 3 }),
      delivery(marks, { aggregate: 'a', step: 3 }),
    ];
    const outcome = await apply(deliveries);

    expect(runs).toEqual([['a1', 'b1', 'a2'], ['note:b2'], ['b3', 'a3']]);
    expect(await applied()).toEqual(['a1', 'b1', 'a2', 'b2', 'b3', 'a3']);
    expect(outcome.applied.map((d) => d.copies[0])).toEqual(['a1', 'b1', 'a2', 'b2', 'b3', 'a3']);
    expect(await inInbox(deliveries)).toBe(6);
  });

  it('leaves events already applied out of the run', async () => {
    const first = [delivery(marks, { aggregate: 'c', step: 1 }), delivery(marks, { aggregate: 'c', step: 2 })];
    await apply(first);
    runs = [];
    const again = [
      first[0],
      delivery(marks, { aggregate: 'c', step: 3 }),
      first[1],
      delivery(marks, { aggregate: 'd', step: 1 }),
    ];
    const outcome = await apply(again);

    expect(runs).toEqual([['c3', 'd1']]);
    expect(outcome.duplicates.map((d) => d.copies[0]).sort()).toEqual(['c1', 'c2']);
    expect(outcome.applied.map((d) => d.copies[0])).toEqual(['c3', 'd1']);
    expect(await applied()).toEqual(['c1', 'c2', 'c3', 'd1']);
  });

  it('rolls a poison event of a run back alone: the run again one event at a time, the rest committed', async () => {
    const deliveries = [
      delivery(marks, { aggregate: 'e', step: 1 }),
      delivery(marks, { aggregate: 'f', step: 1 }),
      delivery(marks, { aggregate: 'e', step: 2, poison: true }),
      delivery(marks, { aggregate: 'f', step: 2 }),
      delivery(note, { aggregate: 'e', step: 3 }),
    ];
    const outcome = await apply(deliveries);

    expect(outcome.failed.map(({ delivery: d, error }) => [d.copies[0], (error as Error).message])).toEqual([
      ['e2', 'poison'],
    ]);
    expect(outcome.applied.map((d) => d.copies[0])).toEqual(['e1', 'f1', 'f2', 'e3']);
    // The whole run first, rolled back; then each event under a savepoint of its own.
    expect(runs).toEqual([['e1', 'f1', 'e2', 'f2'], ['e1'], ['f1'], ['e2'], ['f2'], ['note:e3']]);
    expect(await applied()).toEqual(['e1', 'f1', 'f2', 'e3']);
    // The poison event stays claimable: it is retried, then dead-lettered, by the consumer.
    expect(await inInbox(deliveries)).toBe(4);
    expect(await inInbox([deliveries[2]])).toBe(0);
  });
});
