import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentEvent, PersonnelEvent, PostEvent } from '@rasad/contracts';
import { EventOf } from '@rasad/messaging';
import { DutyChange, RosterProjectionHooks } from '@rasad/roster-projection';
import { SourcesRepository } from './sources.repository';
import { VerdictsRepository } from './verdicts.repository';
import { VerdictsService } from './verdicts.service';

const windowOf = (duty: AssignmentEvent) => ({
  postId: duty.postId,
  from: new Date(duty.startsAt),
  to: new Date(duty.endsAt),
  plannedOnly: true,
});

/**
 * The roster's runs, once the copy holds them: a duty's person's every duty is judged again (stays, nights), and so
 * is every duty at its post, before and after, that shares its time and a meal plan (headcounts); a person's or a post's
 * change judges their duties again.
 */
@Injectable()
export class VerdictHooks implements RosterProjectionHooks {
  constructor(
    private readonly verdicts: VerdictsService,
    private readonly repository: VerdictsRepository,
    private readonly sources: SourcesRepository,
  ) {}

  async dutiesApplied(em: EntityManager, changes: readonly DutyChange[]): Promise<void> {
    const fresh = changes.filter((change) => !change.stale);
    await this.verdicts.recompute(em, {
      dutyIds: fresh.map((change) => change.duty.id),
      personnelIds: fresh.flatMap((change) =>
        change.kind === 'changed' ? [change.duty.personnelId, change.before.personnelId] : [change.duty.personnelId],
      ),
      posts: fresh.flatMap((change) =>
        change.kind === 'changed' ? [windowOf(change.duty), windowOf(change.before)] : [windowOf(change.duty)],
      ),
    });
    await this.sources.recordApplied(
      em,
      changes.map((change) => change.envelope),
    );
  }

  async personnelApplied(em: EntityManager, people: readonly EventOf<PersonnelEvent>[]): Promise<void> {
    await this.verdicts.recompute(em, { personnelIds: people.map(({ payload }) => payload.id) });
    await this.sources.recordApplied(
      em,
      people.map(({ envelope }) => envelope),
    );
  }

  async postsApplied(em: EntityManager, posts: readonly EventOf<PostEvent>[]): Promise<void> {
    const dutyIds = await this.repository.dutiesAtPosts(
      em,
      posts.map(({ payload }) => payload.id),
    );
    await this.verdicts.recompute(em, { dutyIds });
    await this.sources.recordApplied(
      em,
      posts.map(({ envelope }) => envelope),
    );
  }
}
