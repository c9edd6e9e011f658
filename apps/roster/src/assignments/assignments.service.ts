import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AssignmentListItemView,
  AssignmentView,
  CallerScope,
  CancelAssignmentMessage,
  CreateAssignmentRequest,
  DomainError,
  ErrorCode,
  ListAssignmentsQuery,
  Page,
  RosterEvents,
  UpdateAssignmentRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';
import { DutyWindow, windowError } from '@rasad/duty-assignments';
import { Outbox, inScope } from '@rasad/messaging';
import { Post } from '../posts/post.entity';
import { assignDefined, findOrFail, findReferenceInScope } from '../shared/records';
import { PersonnelService } from '../personnel/personnel.service';
import { AssignmentsRepository } from './assignments.repository';
import { DutyAssignment, assignmentEvent, assignmentView } from './duty-assignment.entity';
import { cancelDuty } from './duty-cancellation';
import { overlapField } from './overlap-field';

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly personnel: PersonnelService,
    private readonly assignments: AssignmentsRepository,
  ) {}

  async create(body: CreateAssignmentRequest, scope: CallerScope): Promise<AssignmentView> {
    const window = checkedWindow(body.startsAt, body.endsAt);
    const person = await this.personnel.findInScope(body.personnelId, scope).catch(() => {
      throw DomainError.referenceNotFound('personnelId', 'personnel', body.personnelId);
    });
    if (person.deactivatedAt !== null && window.endsAt > new Date()) {
      throw deactivatedError(person.id);
    }
    await findReferenceInScope(this.em, Post, 'postId', 'post', body.postId, scope);
    const assignment = this.em.create(DutyAssignment, { ...body, ...window, status: body.status ?? 'planned' });
    this.outbox.record(this.em, RosterEvents.assignmentCreated, assignment.id, assignmentEvent(assignment));
    await this.flush(assignment, scope);
    return assignmentView(assignment);
  }

  async get(id: string, scope: CallerScope): Promise<AssignmentView> {
    const duty = await this.assignments.get(this.em, id, scope);
    if (!duty) {
      throw DomainError.notFound('assignment', id);
    }
    return duty;
  }

  list(query: ListAssignmentsQuery, scope: CallerScope): Promise<Page<AssignmentListItemView>> {
    return this.assignments.list(this.em, query, scope);
  }

  /**
   * Reposting: a new post (by id or code) or window, still held to the no-overlap rule by the database. The reason
   * of a repost is kept on the duty and travels in the change event, for the person's notice.
   */
  async update({ id, changes }: UpdateRequest<UpdateAssignmentRequest>, scope: CallerScope): Promise<AssignmentView> {
    const { postCode, reason, ...fields } = changes;
    if (fields.postId && postCode) {
      const message = 'give the post by postId or by postCode, not both';
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: 'postCode', message }]);
    }
    const assignment = await this.findInScope(id, scope);
    if (assignment.status === 'cancelled') {
      throw new DomainError(ErrorCode.InvalidState, `assignment ${id} is cancelled and cannot be changed`);
    }
    if (postCode) {
      fields.postId = (await this.postByCode(postCode, scope)).id;
    } else if (fields.postId && fields.postId !== assignment.postId) {
      await findReferenceInScope(this.em, Post, 'postId', 'post', fields.postId, scope);
    }
    const window = checkedWindow(
      fields.startsAt ?? assignment.startsAt.toISOString(),
      fields.endsAt ?? assignment.endsAt.toISOString(),
    );
    const before = assignmentEvent(assignment);
    assignDefined<DutyAssignment>(assignment, { ...fields, ...window });
    const after = assignmentEvent(assignment);
    const reposted = (['postId', 'startsAt', 'endsAt'] as const).some((key) => after[key] !== before[key]);
    if (reposted) {
      assignment.changeReason = reason ?? null;
    }
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      const why = reposted && reason ? { reason } : {};
      this.outbox.record(this.em, RosterEvents.assignmentChanged, assignment.id, { before, after, ...why });
    }
    await this.flush(assignment, scope);
    return assignmentView(assignment);
  }

  async cancel({ id, reason }: CancelAssignmentMessage, scope: CallerScope): Promise<AssignmentView> {
    const assignment = await this.findInScope(id, scope);
    if (assignment.status !== 'cancelled') {
      cancelDuty(this.em, this.outbox, assignment, reason ?? null);
      await this.em.flush();
    }
    return assignmentView(assignment);
  }

  private async findInScope(id: string, scope: CallerScope): Promise<DutyAssignment> {
    const assignment = await findOrFail(this.em, DutyAssignment, 'assignment', id);
    if (!(await this.assignments.postedIn(this.em, id, scope))) {
      throw DomainError.notFound('assignment', id);
    }
    return assignment;
  }

  /** A post named by its code, as officers know it: absent or outside the caller's districts, the same 422. */
  private async postByCode(code: string, scope: CallerScope): Promise<Post> {
    const post = await this.em.findOne(Post, { code });
    if (!post || !inScope(scope, post.districtId)) {
      throw new DomainError(ErrorCode.ReferenceNotFound, `postCode: no post with code ${code}`, [
        { field: 'postCode', message: `no post with code ${code}` },
      ]);
    }
    return post;
  }

  private async flush(assignment: DutyAssignment, scope: CallerScope): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.exclusionViolation) {
        this.em.clear();
        throw await this.overlapError(assignment, scope);
      }
      // The person was deactivated between our read and this write (the migration's trigger).
      if (pgConstraint(error) === 'duty_assignment_personnel_active') {
        this.em.clear();
        throw deactivatedError(assignment.personnelId);
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
    const field = clashes.length > 0 ? overlapField(wanted, named?.clash ?? clashes[0]) : 'startsAt';
    return new DomainError(ErrorCode.AssignmentOverlap, message, [{ field, message }], {
      clashingAssignmentId: named?.clash.id ?? null,
    });
  }
}

function deactivatedError(personnelId: string): DomainError {
  const message = `personnel ${personnelId} is deactivated and cannot be given duties`;
  return new DomainError(ErrorCode.InvalidState, message, [{ field: 'personnelId', message }]);
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
