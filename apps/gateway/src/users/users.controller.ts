import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateUserRequest, IdRequest, UpdateUserRequest, UserView } from '@rasad/contracts';
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
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(409)
  create(@Body() body: CreateUserRequest) {
    return this.users.create(body);
  }

  @Get()
  @ApiOkResponse({ type: [UserView] })
  @ApiErrors()
  list() {
    return this.users.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404, 409)
  update(@Param() { id }: IdRequest, @Body() body: UpdateUserRequest) {
    return this.users.update(id, body);
  }
}
