import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CallerScope,
  CreatePostRequest,
  IdRequest,
  ListPostsQuery,
  RosterSubjects,
  UpdatePostMessage,
} from '@rasad/contracts';
import { PostsService } from './posts.service';

@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @MessagePattern(RosterSubjects.postCreate)
  create(@Payload() body: CreatePostRequest, @Scope() scope: CallerScope) {
    return this.posts.create(body, scope);
  }

  @MessagePattern(RosterSubjects.postGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.posts.get(id, scope);
  }

  @MessagePattern(RosterSubjects.postList)
  list(@Payload() query: ListPostsQuery, @Scope() scope: CallerScope) {
    return this.posts.list(query, scope);
  }

  @MessagePattern(RosterSubjects.postUpdate)
  update(@Payload() message: UpdatePostMessage, @Scope() scope: CallerScope) {
    return this.posts.update(message, scope);
  }
}
