import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CreatePostRequest,
  DomainError,
  ErrorCode,
  ListPostsQuery,
  Page,
  PostView,
  RosterEvents,
  UpdatePostRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { postHasCategory } from '@rasad/duty-assignments';
import { Outbox } from '@rasad/messaging';
import { PoliceStation } from '../geography/police-station.entity';
import { assignDefined, findInScope, findReferenceInScope, rethrowUniqueViolation } from '../shared/records';
import { Post, postEvent, postView } from './post.entity';
import { PostsRepository } from './posts.repository';

@Injectable()
export class PostsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly posts: PostsRepository,
  ) {}

  async create(body: CreatePostRequest, scope: CallerScope): Promise<PostView> {
    const station = await findReferenceInScope(
      this.em,
      PoliceStation,
      'policeStationId',
      'police station',
      body.policeStationId,
      scope,
    );
    const post = this.em.create(Post, {
      ...body,
      category: body.category ?? null,
      latitude: body.latitude ?? null,
      longitude: body.longitude ?? null,
      remote: body.remote ?? false,
      districtId: station.districtId,
      tehsilId: station.tehsilId,
    });
    checkCategory(post);
    this.outbox.record(this.em, RosterEvents.postCreated, post.id, postEvent(post));
    await this.flush();
    return postView(post);
  }

  async get(id: string, scope: CallerScope): Promise<PostView> {
    return postView(await findInScope(this.em, Post, 'post', id, scope));
  }

  list(query: ListPostsQuery, scope: CallerScope): Promise<Page<PostView>> {
    return this.posts.list(this.em, query, scope);
  }

  async update({ id, changes }: UpdateRequest<UpdatePostRequest>, scope: CallerScope): Promise<PostView> {
    const post = await findInScope(this.em, Post, 'post', id, scope);
    const before = JSON.stringify(postEvent(post));
    if (changes.policeStationId && changes.policeStationId !== post.policeStationId) {
      const station = await findReferenceInScope(
        this.em,
        PoliceStation,
        'policeStationId',
        'police station',
        changes.policeStationId,
        scope,
      );
      post.districtId = station.districtId;
      post.tehsilId = station.tehsilId;
    }
    assignDefined(post, changes);
    if (changes.kind && !postHasCategory(changes.kind) && changes.category === undefined) {
      post.category = null;
    }
    checkCategory(post);
    if (JSON.stringify(postEvent(post)) !== before) {
      this.outbox.record(this.em, RosterEvents.postUpdated, post.id, postEvent(post));
    }
    await this.flush();
    return postView(post);
  }

  private async flush(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      rethrowUniqueViolation(error, { post_code_unique: 'code' });
    }
  }
}

/** The ECP sensitivity category belongs to polling stations alone, and every polling station has one. */
function checkCategory(post: Post): void {
  if (postHasCategory(post.kind) && !post.category) {
    throw new DomainError(ErrorCode.ValidationFailed, 'category is required for a polling station (A, B or C)', [
      { field: 'category', message: 'category is required for a polling station (A, B or C)' },
    ]);
  }
  if (!postHasCategory(post.kind) && post.category) {
    throw new DomainError(ErrorCode.ValidationFailed, `category applies to polling stations only, not a ${post.kind}`, [
      { field: 'category', message: `category applies to polling stations only, not a ${post.kind}` },
    ]);
  }
}
