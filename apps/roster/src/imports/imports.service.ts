import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import {
  BeginImportReply,
  CallerScope,
  BeginImportRequest,
  DomainError,
  ErrorCode,
  FieldError,
  ImportCommitRequest,
  ImportResultView,
  ImportRowsReply,
} from '@rasad/contracts';
import { PgErrorCode, pgErrorCode } from '@rasad/common';
import { currentRequestId } from '@rasad/messaging';
import { v7 as uuidv7 } from 'uuid';
import { columnErrors } from './import-columns';
import { Batch, ImportsRepository } from './imports.repository';
import { RosterEnv } from '../roster.env';
import { validateRow } from './row-validation';
import { checkedRows, ImportRowsPayload } from './rows-message';

/** At most this many problems travel back in one answer; the total is in the details. */
const MAX_REPORTED_ERRORS = 1000;

/**
 * Carries a validate-only run's counts out of its transaction: throwing it rolls back the upsert and, written by the
 * same statement, its events.
 */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResultView) {
    super('dry run: rolled back');
  }
}

/**
 * An import is all or nothing: rows stream into a staging table (each validated as it arrives), then one
 * transaction checks them as a set and upserts them, or nothing is written and every bad row is named.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly env: RosterEnv,
    private readonly imports: ImportsRepository,
  ) {}

  async begin({ kind, columns }: BeginImportRequest, scope: CallerScope): Promise<BeginImportReply> {
    const errors = columnErrors(kind, columns);
    if (errors.length > 0) {
      throw invalidRows(errors, errors.length);
    }
    await this.imports.forgetStale(this.em);
    const batchId = uuidv7();
    await this.imports.begin(this.em, batchId, kind, columns, scope);
    this.logger.log({ batchId, kind, columns }, 'import started');
    return { batchId };
  }

  async rows(message: ImportRowsPayload, scope: CallerScope): Promise<ImportRowsReply> {
    const { batchId, rows } = await checkedRows(message);
    const batch = await this.batch(batchId, scope);
    const valid: { row: number; data: Record<string, unknown> }[] = [];
    const errors: FieldError[] = [];
    for (const row of rows) {
      const outcome = validateRow(batch.kind, batch.columns, row, this.env.RASAD_TIME_ZONE);
      if ('data' in outcome) {
        valid.push(outcome);
      } else {
        errors.push(...outcome.errors);
      }
    }
    await this.imports.stage(this.em, batchId, valid, errors);
    const last = rows.at(-1)?.row ?? 0;
    this.logger.log({ batchId, kind: batch.kind, throughRow: last, invalid: errors.length }, 'import rows received');
    return { received: rows.length, invalid: new Set(errors.map((e) => e.row)).size };
  }

  /** With dryRun, every check and the upsert run as for real and are rolled back: the answer is the same. */
  async commit({ batchId, dryRun = false }: ImportCommitRequest, scope: CallerScope): Promise<ImportResultView> {
    const batch = await this.batch(batchId, scope);
    const started = Date.now();
    try {
      return await this.em.transactional(async (em) => {
        await this.imports.prepareCommit(em, batchId);
        const { rows, invalid } = await this.imports.staged(em, batchId);
        if (invalid) {
          // Some rows were refused on arrival: the checks add the set's problems, to name every one at once.
          await this.imports.check(em, batch.kind, batchId);
          await this.throwProblems(em, batchId);
        }
        if (rows === 0) {
          throw invalidRows([{ row: 2, field: '(file)', message: 'the file has a header but no data rows' }], 1);
        }
        const { created, updated, problems } = await this.imports.apply(em, batch.kind, batchId, currentRequestId());
        if (problems > 0) {
          await this.throwProblems(em, batchId);
        }
        const result = { kind: batch.kind, rows, created, updated, unchanged: rows - created - updated };
        if (dryRun) {
          throw new DryRunRollback({ dryRun: true, ...result });
        }
        await this.imports.remove(em, batchId);
        this.logger.log({ batchId, ...result, ms: Date.now() - started }, 'import applied');
        return result;
      });
    } catch (error) {
      await this.abort({ batchId }, scope);
      if (error instanceof DryRunRollback) {
        this.logger.log({ batchId, ...error.result, ms: Date.now() - started }, 'import checked, nothing written');
        return error.result;
      }
      if (pgErrorCode(error) === PgErrorCode.exclusionViolation) {
        throw new DomainError(
          ErrorCode.AssignmentOverlap,
          'another change created an overlapping duty during the import; import again',
        );
      }
      throw error;
    }
  }

  /** Throws the 422 naming every recorded problem of the batch, if there is one. */
  private async throwProblems(em: EntityManager, batchId: string): Promise<void> {
    const problems = await this.imports.problems(em, batchId, MAX_REPORTED_ERRORS);
    if (problems.length > 0) {
      throw invalidRows(
        problems.map(({ row, field, message }) => ({ row, field, message })),
        problems[0].total,
      );
    }
  }

  async abort({ batchId }: { batchId: string }, scope: CallerScope): Promise<{ aborted: boolean }> {
    try {
      await this.batch(batchId, scope);
    } catch {
      return { aborted: false };
    }
    return { aborted: await this.imports.remove(this.em, batchId) };
  }

  /** A batch belongs to the scope that began it; anyone else is told it does not exist. */
  private async batch(batchId: string, scope: CallerScope): Promise<Batch> {
    const batch = await this.imports.batch(this.em, batchId);
    const same = (a: string[] | null, b: string[] | null) =>
      a === null || b === null ? a === b : [...a].sort().join() === [...b].sort().join();
    if (!batch || !same(batch.district_ids, scope.districtIds)) {
      throw new DomainError(ErrorCode.ImportUnknownBatch, `import batch ${batchId} does not exist or has expired`);
    }
    return batch;
  }
}

function invalidRows(errors: FieldError[], total: number): DomainError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new DomainError(
    ErrorCode.ImportInvalidRows,
    `${total} problem${total === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}; nothing was imported`,
    errors,
    { totalErrors: total },
  );
}
