import { Client } from 'pg';
import { eventually } from './eventually';

export interface ProjectedRecords {
  personnelIds?: readonly string[];
  dutyIds?: readonly string[];
  postIds?: readonly string[];
}

/**
 * Waits until a service's copy of the roster (`@rasad/roster-projection`'s tables in `schema`) holds these people,
 * duties and posts: a suite reads the service only once the roster's events have reached it.
 */
export async function rosterProjected(
  db: Client,
  schema: string,
  { personnelIds = [], dutyIds = [], postIds = [] }: ProjectedRecords,
): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await db.query<{ people: number; duties: number; posts: number }>(
        `select (select count(*)::int from ${schema}.personnel where id = any($1)) as people,
                (select count(*)::int from ${schema}.duty where id = any($2)) as duties,
                (select count(*)::int from ${schema}.post where id = any($3)) as posts`,
        [personnelIds, dutyIds, postIds],
      );
      const want = { people: personnelIds.length, duties: dutyIds.length, posts: postIds.length };
      if (rows[0].people !== want.people || rows[0].duties !== want.duties || rows[0].posts !== want.posts) {
        throw new Error(`${schema}'s roster copy holds ${JSON.stringify(rows[0])} of ${JSON.stringify(want)}`);
      }
    },
    { timeoutMs: 20_000 },
  );
}
