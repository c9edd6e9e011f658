import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreatePostRequest, IdRequest, ListPostsQuery, Subjects, UpdatePostMessage } from '@rasad/contracts';
import { PostsService } from './posts.service';

@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @MessagePattern(Subjects.postCreate)
  create(@Payload() body: CreatePostRequest) {
    return this.posts.create(body);
  }

  @MessagePattern(Subjects.postGet)
  get(@Payload() { id }: IdRequest) {
    return this.posts.get(id);
  }

  @MessagePattern(Subjects.postList)
  list(@Payload() query: ListPostsQuery) {
    return this.posts.list(query);
  }

  @MessagePattern(Subjects.postUpdate)
  update(@Payload() message: UpdatePostMessage) {
    return this.posts.update(message);
  }
}
