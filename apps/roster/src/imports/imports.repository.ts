import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, FieldError, ImportKind } from '@rasad/contracts';
import { traceparentOf } from '@rasad/common';
import { uuidArray } from '@rasad/messaging';
import { ASSIGNMENT_APPLY, ASSIGNMENT_CHECKS } from './assignment-import.sql';
import { PERSONNEL_APPLY, PERSONNEL_CHECKS } from './personnel-import.sql';

const STALE_BATCH = "interval '1 hour'";
const COMMIT_WORK_MEM = '128MB';

const SQL: Record<ImportKind, { checks: string; apply: string }> = {
  personnel: { checks: PERSONNEL_CHECKS, apply: PERSONNEL_APPLY },
  assignments: { checks: ASSIGNMENT_CHECKS, apply: ASSIGNMENT_APPLY },
};

export interface Batch {
  id: string;
  kind: ImportKind;
  columns: string[];
  /** The districts of the officer who began it; null for an admin. */
  district_ids: string[] | null;
}

export interface Applied {
  created: number;
  updated: number;
  problems: number;
}

/**
 * The imports' SQL: the staging tables (`import_batch`, `import_row`, `import_error`) and the set-based checks and
 * upserts of `personnel-import.sql.ts` and `assignment-import.sql.ts`, which nothing else reads.
 */
@Injectable()
export class ImportsRepository {
  /** Batches abandoned for an hour, with their rows and problems. */
  async forgetStale(em: EntityManager): Promise<void> {
    await em.execute(`delete from roster.import_batch where created_at < now() - ${STALE_BATCH}`);
  }

  async begin(em: EntityManager, id: string, kind: ImportKind, columns: string[], scope: CallerScope): Promise<void> {
    await em.execute(
      `insert into roster.import_batch (id, kind, columns, district_ids)
       values (?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?::uuid[])`,
      [id, kind, JSON.stringify(columns), uuidArray(scope.districtIds)],
    );
  }

  async batch(em: EntityManager, id: string): Promise<Batch | undefined> {
    const [batch] = await em.execute<Batch[]>(
      'select id, kind, columns, district_ids from roster.import_batch where id = ?',
      [id],
    );
    return batch;
  }

  /**
   * Stages a chunk's valid rows and its problems in one statement, so no transaction of its own; knex binds the
   * JSON as a parameter (MikroORM's execute would escape it into the SQL text, character by character).
   */
  async stage(
    em: EntityManager,
    batchId: string,
    valid: { row: number; data: Record<string, unknown> }[],
    errors: FieldError[],
  ): Promise<void> {
    await em.getKnex().raw(
      `with staged as (
         insert into roster.import_row (batch_id, row, data)
         select ?, (r->>'row')::int, r->'data' from jsonb_array_elements(?::jsonb) r
         on conflict (batch_id, row) do update set data = excluded.data)
       insert into roster.import_error (batch_id, row, field, message)
       select ?, (e->>'row')::int, e->>'field', e->>'message' from jsonb_array_elements(?::jsonb) e`,
      [batchId, JSON.stringify(valid), batchId, JSON.stringify(errors)],
    );
  }

  /**
   * For the commit's transaction: sorting and hashing 100,000 staged rows spills to disk at the default 4 MB; and
   * the apply's estimated cost passes jit_above_cost, so PostgreSQL compiled its 178 functions (1 s on a loaded
   * machine, auto_explain) for a statement whose time goes into writing rows, not evaluating expressions.
   *
   * The checks and the apply read the batch's rows from a temporary copy analyzed here, not from `import_row`: the
   * staging table's contents come and go by the 100,000 rows, so its statistics are whatever (auto)vacuum last saw.
   * Analyzed just after a commit had emptied it, they claim no rows; the commit then planned its set-based checks as
   * nested loops of the staged rows against themselves, and the national bench's second 100,000-duty file ran for
   * more than ten minutes instead of 20 s. A temporary table is the session's own, so its ANALYZE needs no ownership
   * of `import_row` (a service's role does not own its tables where an admin migrates them); it goes with the
   * transaction.
   */
  async prepareCommit(em: EntityManager, batchId: string): Promise<void> {
    await em.execute(`select set_config('work_mem', '${COMMIT_WORK_MEM}', true), set_config('jit', 'off', true)`);
    await em.execute('create temporary table import_staged (like roster.import_row) on commit drop');
    await em.execute('insert into pg_temp.import_staged select * from roster.import_row where batch_id = ?', [batchId]);
    await em.execute('analyze pg_temp.import_staged');
  }

  /** How many rows are staged, and whether any row was refused on arrival. */
  async staged(em: EntityManager, batchId: string): Promise<{ rows: number; invalid: boolean }> {
    const [counts] = await em.execute<{ rows: number; invalid: boolean }[]>(
      `select (select count(*)::int from roster.import_row where batch_id = ?) as rows,
              exists (select 1 from roster.import_error where batch_id = ?) as invalid`,
      [batchId, batchId],
    );
    return counts;
  }

  /** Records the set's problems (references, duplicates in the file, clashes) as import errors. */
  async check(em: EntityManager, kind: ImportKind, batchId: string): Promise<void> {
    await em.execute(SQL[kind].checks, [batchId, batchId]);
  }

  /** Checks the set and, only if that found nothing, upserts it with its outbox events, in one statement. */
  async apply(em: EntityManager, kind: ImportKind, batchId: string, requestId: string | null): Promise<Applied> {
    const [applied] = await em.execute<Applied[]>(SQL[kind].apply, [batchId, batchId, requestId, traceparentOf()]);
    return applied;
  }

  /** The batch's recorded problems by row and field, at most `limit`, each with the total count. */
  problems(em: EntityManager, batchId: string, limit: number): Promise<(FieldError & { total: number })[]> {
    return em.execute<(FieldError & { total: number })[]>(
      `select row, field, message, count(*) over ()::int as total from roster.import_error
       where batch_id = ? order by row, field limit ${limit}`,
      [batchId],
    );
  }

  /** Deletes the batch with its rows and problems; whether it was there. */
  async remove(em: EntityManager, batchId: string): Promise<boolean> {
    const deleted = await em.execute<{ id: string }[]>('delete from roster.import_batch where id = ? returning id', [
      batchId,
    ]);
    return deleted.length > 0;
  }
}
