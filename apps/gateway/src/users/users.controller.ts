import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateUserRequest, IdRequest, ListUsersQuery, PageOf, UpdateUserRequest, UserView } from '@rasad/contracts';
import { Audited } from '../audit/audited.interceptor';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { UsersService } from './users.service';

@ApiTags('Users')
@ApiBearerAuth()
@Roles('admin')
@Audited({ entity: 'user' })
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user of districts given by id or code; an unknown district is refused (422)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateUserRequest) {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({
    summary: 'List by role, district and disabled; sort by username (default), role or createdAt; cursor-paginated',
  })
  @ApiOkResponse({ type: PageOf(UserView) })
  @ApiErrors()
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() body: UpdateUserRequest) {
    return this.users.update(id, body);
  }
}
