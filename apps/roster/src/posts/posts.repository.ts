import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { page } from '@rasad/common';
import { CallerScope, ListPostsQuery, Page, PostView } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { Post, postView } from './post.entity';

/** The posts' list, narrowed to the caller's districts. */
@Injectable()
export class PostsRepository {
  list(em: EntityManager, query: ListPostsQuery, scope: CallerScope): Promise<Page<PostView>> {
    const qb = em.createQueryBuilder(Post, 'p');
    restrict(qb, scope, 'p.district_id = any({districts})');
    for (const key of ['districtId', 'tehsilId', 'policeStationId', 'kind', 'category'] as const) {
      if (query[key]) {
        qb.andWhere({ [key]: query[key] });
      }
    }
    if (query.search) {
      qb.andWhere('(p.code ilike ? or p.name ilike ?)', [`%${query.search}%`, `%${query.search}%`]);
    }
    return page(qb, query, postView);
  }
}
