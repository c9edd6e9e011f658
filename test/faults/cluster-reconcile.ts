import { Client } from 'pg';
import { CONSUMER_SCHEMA } from './fault-schema';

export const DUTY_CREATED = 'evt.roster.assignment.created.v1';

export interface ConsumerFigures {
  consumer: string;
  /** Events of the roster's outbox this consumer has in its inbox. */
  applied: number;
  lost: number;
  /** Effects beyond one per event: only the fault consumer's effect table has no unique key to prevent them. */
  duplicated: number;
  /** Duties missing from the service's projection of the roster (a handler that ran without its effect). */
  missingEffects: number;
  /** The longest any event waited from the roster's commit to this consumer's: how long the failover held it up. */
  maxLagMs: number;
}

export interface ClusterReconciliation {
  events: number;
  unsent: number;
  /** The average duty event's envelope as JSON: what the stream stores per event, for sizing it. */
  envelopeBytes: number;
  /** Duties the API acknowledged (201) whose event is not in the roster's outbox. */
  acknowledgedWithoutEvent: number;
  consumers: ConsumerFigures[];
}

/**
 * Every duty the roster recorded an event for, against what each consuming service (and the fault consumer) applied,
 * and how often. A service's effect is its projection's duty row, where it keeps one.
 */
export async function reconcileCluster(
  databaseUrl: string,
  services: string[],
  acknowledged: string[],
): Promise<ClusterReconciliation> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0] as T;
    const events = `select id, aggregate_id from roster.outbox where subject = '${DUTY_CREATED}'`;
    const totals = await one<Omit<ClusterReconciliation, 'consumers'>>(
      `select (select count(*) from (${events}) e)::int as events,
              (select coalesce(avg(octet_length(envelope::text)), 0) from roster.outbox
                 where subject = '${DUTY_CREATED}')::int as "envelopeBytes",
              (select count(*) from roster.outbox where sent_at is null)::int as unsent,
              (select count(*) from unnest($1::text[]) a(id)
                 where not exists (select 1 from (${events}) e where e.aggregate_id = a.id))::int
                as "acknowledgedWithoutEvent"`,
      [acknowledged],
    );
    const consumers: ConsumerFigures[] = [];
    for (const schema of [...services, CONSUMER_SCHEMA]) {
      const { projected } = await one<{ projected: boolean }>(`select to_regclass($1) is not null as projected`, [
        `${schema}.duty`,
      ]);
      const effects =
        schema === CONSUMER_SCHEMA
          ? `select event_id as id from ${schema}.effect`
          : projected
            ? `select o.id from ${schema}.duty d join (${events}) o on o.aggregate_id = d.id::text`
            : `select event_id as id from ${schema}.inbox`;
      consumers.push({
        consumer: schema,
        ...(await one<Omit<ConsumerFigures, 'consumer'>>(
          `select (select count(*) from (${events}) e join ${schema}.inbox i on i.event_id = e.id)::int as applied,
                  (select count(*) from (${events}) e
                     where not exists (select 1 from ${schema}.inbox i where i.event_id = e.id))::int as lost,
                  (select coalesce(sum(c - 1), 0) from
                     (select count(*) as c from (${effects}) f group by id having count(*) > 1) d)::int as duplicated,
                  (select count(*) from (${events}) e
                     where not exists (select 1 from (${effects}) f where f.id = e.id))::int as "missingEffects",
                  (select coalesce(max(extract(epoch from i.applied_at - o.created_at) * 1000), 0)
                     from roster.outbox o join ${schema}.inbox i on i.event_id = o.id
                     where o.subject = '${DUTY_CREATED}')::int as "maxLagMs"`,
        )),
      });
    }
    return { ...totals, consumers };
  } finally {
    await client.end();
  }
}
