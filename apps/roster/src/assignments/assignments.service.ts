import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AssignmentView,
  CallerScope,
  CancelAssignmentMessage,
  CreateAssignmentRequest,
  DomainError,
  ErrorCode,
  EventSubjects,
  ListAssignmentsQuery,
  Page,
  UpdateAssignmentRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { PgErrorCode, page, pgErrorCode, preparedRows } from '@rasad/common';
import { DutyWindow, windowError } from '@rasad/duty-assignments';
import { Outbox, inScope, restrict, uuidArray } from '@rasad/messaging';
import { Post } from '../posts/post.entity';
import { assignDefined, findOrFail, findReferenceInScope } from '../shared/records';
import { PersonnelService } from '../personnel/personnel.service';
import { inCallerDistricts, postedIn } from '../shared/scope.sql';
import { AssignmentRow, GET_ASSIGNMENT, GET_ASSIGNMENT_IN_DISTRICTS, assignmentRowView } from './assignment-reads';
import { DutyAssignment, assignmentEvent, assignmentView } from './duty-assignment.entity';

const POSTED_IN = postedIn('a', inCallerDistricts);

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly personnel: PersonnelService,
  ) {}

  async create(body: CreateAssignmentRequest, scope: CallerScope): Promise<AssignmentView> {
    const window = checkedWindow(body.startsAt, body.endsAt);
    await this.personnel.findInScope(body.personnelId, scope).catch(() => {
      throw DomainError.referenceNotFound('personnelId', 'personnel', body.personnelId);
    });
    await findReferenceInScope(this.em, Post, 'postId', 'post', body.postId, scope);
    const assignment = this.em.create(DutyAssignment, { ...body, ...window, status: body.status ?? 'planned' });
    this.outbox.record(this.em, EventSubjects.assignmentCreated, assignment.id, assignmentEvent(assignment));
    await this.flush(assignment, scope);
    return assignmentView(assignment);
  }

  async get(id: string, scope: CallerScope): Promise<AssignmentView> {
    const [row] =
      scope.districtIds === null
        ? await preparedRows<AssignmentRow>(this.em, GET_ASSIGNMENT, [id])
        : await preparedRows<AssignmentRow>(this.em, GET_ASSIGNMENT_IN_DISTRICTS, [id, uuidArray(scope.districtIds)]);
    if (!row) {
      throw DomainError.notFound('assignment', id);
    }
    return assignmentRowView(row);
  }

  list(query: ListAssignmentsQuery, scope: CallerScope): Promise<Page<AssignmentView>> {
    const qb = this.em.createQueryBuilder(DutyAssignment, 'a');
    restrict(qb, scope, POSTED_IN);
    if (query.districtId) {
      restrict(qb, { districtIds: [query.districtId] }, POSTED_IN);
    }
    for (const key of ['postId', 'personnelId', 'status', 'phase'] as const) {
      if (query[key]) {
        qb.andWhere({ [key]: query[key] });
      }
    }
    if (query.from) {
      qb.andWhere({ endsAt: { $gt: new Date(query.from) } });
    }
    if (query.to) {
      qb.andWhere({ startsAt: { $lt: new Date(query.to) } });
    }
    return page(qb, query, assignmentView);
  }

  /** Reposting: a new post or window, still held to the no-overlap rule by the database. */
  async update({ id, changes }: UpdateRequest<UpdateAssignmentRequest>, scope: CallerScope): Promise<AssignmentView> {
    const assignment = await this.findInScope(id, scope);
    if (assignment.status === 'cancelled') {
      throw new DomainError(ErrorCode.InvalidState, `assignment ${id} is cancelled and cannot be changed`);
    }
    if (changes.postId && changes.postId !== assignment.postId) {
      await findReferenceInScope(this.em, Post, 'postId', 'post', changes.postId, scope);
    }
    const window = checkedWindow(
      changes.startsAt ?? assignment.startsAt.toISOString(),
      changes.endsAt ?? assignment.endsAt.toISOString(),
    );
    const before = assignmentEvent(assignment);
    assignDefined<DutyAssignment>(assignment, { ...changes, ...window });
    const after = assignmentEvent(assignment);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      this.outbox.record(this.em, EventSubjects.assignmentChanged, assignment.id, { before, after });
    }
    await this.flush(assignment, scope);
    return assignmentView(assignment);
  }

  async cancel({ id, reason }: CancelAssignmentMessage, scope: CallerScope): Promise<AssignmentView> {
    const assignment = await this.findInScope(id, scope);
    if (assignment.status !== 'cancelled') {
      assignment.status = 'cancelled';
      assignment.cancelReason = reason ?? null;
      assignment.cancelledAt = new Date();
      this.outbox.record(this.em, EventSubjects.assignmentCancelled, assignment.id, {
        ...assignmentEvent(assignment),
        reason: assignment.cancelReason,
      });
      await this.em.flush();
    }
    return assignmentView(assignment);
  }

  private async findInScope(id: string, scope: CallerScope): Promise<DutyAssignment> {
    const assignment = await findOrFail(this.em, DutyAssignment, 'assignment', id);
    if (scope.districtIds !== null) {
      const qb = this.em.createQueryBuilder(DutyAssignment, 'a').where({ id });
      restrict(qb, scope, POSTED_IN);
      if (!(await qb.getSingleResult())) {
        throw DomainError.notFound('assignment', id);
      }
    }
    return assignment;
  }

  private async flush(assignment: DutyAssignment, scope: CallerScope): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.exclusionViolation) {
        this.em.clear();
        throw await this.overlapError(assignment, scope);
      }
      throw error;
    }
  }

  /**
   * Names the duty that the database refused to overlap, so the officer knows what to move; a duty outside the
   * caller's districts is only "another assignment", with no id, post or times.
   */
  private async overlapError(wanted: DutyAssignment, scope: CallerScope): Promise<DomainError> {
    // Live duties of one person never overlap each other, so only a few can clash with one window.
    const clashes = await this.em.find(
      DutyAssignment,
      {
        personnelId: wanted.personnelId,
        status: { $ne: 'cancelled' },
        id: { $ne: wanted.id },
        startsAt: { $lt: wanted.endsAt },
        endsAt: { $gt: wanted.startsAt },
      },
      { orderBy: { startsAt: 'asc' } },
    );
    const posts = await this.em.find(Post, { id: { $in: clashes.map((c) => c.postId) } });
    const visible = posts.filter((p) => inScope(scope, p.districtId));
    const clash = clashes.find((c) => visible.some((p) => p.id === c.postId));
    const named = clash ? { clash, post: visible.find((p) => p.id === clash.postId)! } : null;
    const where = named
      ? `assignment ${named.clash.id} at ${named.post.code} from ${named.clash.startsAt.toISOString()} to ${named.clash.endsAt.toISOString()}`
      : 'another assignment';
    const message = `personnel ${wanted.personnelId} already has ${where}, which overlaps ${wanted.startsAt.toISOString()} to ${wanted.endsAt.toISOString()}`;
    return new DomainError(ErrorCode.AssignmentOverlap, message, [{ field: 'startsAt', message }], {
      clashingAssignmentId: named?.clash.id ?? null,
    });
  }
}

function checkedWindow(startsAt: string, endsAt: string): DutyWindow {
  const window = { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
  const problem = windowError(window);
  if (problem) {
    const field = problem.startsWith('startsAt') ? 'startsAt' : 'endsAt';
    throw new DomainError(ErrorCode.ValidationFailed, problem, [{ field, message: problem }]);
  }
  return window;
}
