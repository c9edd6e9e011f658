import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePostRequest,
  IdRequest,
  ListPostsQuery,
  PageOf,
  PostView,
  RosterSubjects,
  UpdatePostRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'post', get: RosterSubjects.postGet })
@ApiTags('Posts')
@Controller('posts')
export class PostsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated' })
  @ApiOkResponse({ type: PageOf(PostView) })
  @ApiErrors()
  list(@Query() query: ListPostsQuery) {
    return this.rasad.send(RosterSubjects.postList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PostView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.postGet, { id });
  }

  @Post()
  @ApiCreatedResponse({ type: PostView })
  @ApiErrors(409, 422)
  create(@Body() body: CreatePostRequest) {
    return this.rasad.send(RosterSubjects.postCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PostView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdatePostRequest) {
    return this.rasad.send(RosterSubjects.postUpdate, { id, changes });
  }
}
