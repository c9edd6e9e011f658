import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase, QueryResultRow } from 'pg';

/** A statement PostgreSQL parses and plans once per connection, then only executes. */
export interface PreparedStatement {
  /** Unique per text within the service: pg keeps one prepared statement of this name on each connection. */
  name: string;
  text: string;
}

interface PooledClient {
  acquireConnection(): Promise<ClientBase>;
  releaseConnection(connection: ClientBase): Promise<unknown>;
}

/**
 * Runs a named statement on a connection of the ORM's own pool (so DATABASE_POOL_MAX still bounds the
 * connections), without the query builder, identity map or hydration: for reads that every API call makes, where
 * those were most of the service's CPU per request. It runs outside any transaction `em` may be in, and its rows
 * come back as the ORM's connections type them (timestamps are strings).
 */
export async function preparedRows<T extends QueryResultRow>(
  em: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const pool = em.getKnex().client as PooledClient;
  const connection = await pool.acquireConnection();
  try {
    return (await connection.query<T>({ ...statement, values })).rows;
  } finally {
    await pool.releaseConnection(connection);
  }
}
