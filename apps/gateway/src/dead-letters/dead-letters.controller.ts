import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetterServiceQuery, DeadLetterView, IdRequest, ListDeadLettersQuery, PageOf } from '@rasad/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { DeadLettersService } from './dead-letters.service';

@ApiTags('Dead letters')
@ApiBearerAuth()
@Roles('admin')
@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: 'Events a service could not apply after its retries, with the error' })
  @ApiOkResponse({ type: PageOf(DeadLetterView) })
  @ApiErrors()
  list(@Query() query: ListDeadLettersQuery) {
    return this.deadLetters.list(query);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run the event through its handler again, once the cause is fixed' })
  @ApiOkResponse({ type: DeadLetterView })
  @ApiErrors(404, 409)
  replay(@Param() { id }: IdRequest, @Query() { service }: DeadLetterServiceQuery) {
    return this.deadLetters.replay(id, service);
  }
}
