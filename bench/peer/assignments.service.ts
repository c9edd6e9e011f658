import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { toLocalIso } from '@rasad/duty-assignments';
import { DutyAssignment } from './duty-assignment.entity';
import { User } from './user.entity';

@Injectable()
export class AssignmentsService {
  private readonly zone = process.env.RASAD_TIME_ZONE ?? 'Asia/Karachi';

  constructor(private readonly em: EntityManager) {}

  /** A duty the caller may see: an admin any, anyone else only those posted in their districts (else 404). */
  async get(id: string, caller: User) {
    const scope = caller.role === 'admin' ? {} : { post: { districtId: { $in: caller.districtIds } } };
    const duty = await this.em.findOne(DutyAssignment, { id, ...scope });
    if (!duty) {
      throw new NotFoundException(`no assignment ${id}`);
    }
    const local = (instant: Date) => toLocalIso(instant, this.zone);
    return {
      id: duty.id,
      personnelId: duty.personnelId,
      postId: duty.post.id,
      role: duty.role,
      startsAt: local(duty.startsAt),
      endsAt: local(duty.endsAt),
      phase: duty.phase,
      status: duty.status,
      cancelReason: duty.cancelReason,
      changeReason: duty.changeReason,
      createdAt: local(duty.createdAt),
      updatedAt: local(duty.updatedAt),
    };
  }
}
