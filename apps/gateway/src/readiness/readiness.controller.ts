import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  IdRequest,
  ListReadinessGapsQuery,
  ListReadinessPostsQuery,
  PageOf,
  ReadinessAssignmentQuery,
  ReadinessAssignmentView,
  ReadinessGapView,
  ReadinessPostView,
  ReadinessSubjects,
  ReadinessSummaryQuery,
  ReadinessSummaryView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { ReadinessNamesService } from './readiness-names.service';

@ApiBearerAuth()
@ApiTags('Readiness')
@Roles('admin', 'logistics_officer', 'viewer')
@Controller('readiness')
export class ReadinessController {
  constructor(
    private readonly rasad: RasadClient,
    private readonly names: ReadinessNamesService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary:
      "A district's readiness at `at` (default now): totals, each check, by tehsil, police station, unit and phase, " +
      'and up to when each source service is reflected',
  })
  @ApiOkResponse({ type: ReadinessSummaryView })
  @ApiErrors()
  async summary(@Query() query: ReadinessSummaryQuery) {
    return this.names.named(await this.rasad.send(ReadinessSubjects.summary, query));
  }

  @Get('posts')
  @ApiOperation({ summary: 'Posts with their assignments by colour and check, the worst colour first' })
  @ApiOkResponse({ type: PageOf(ReadinessPostView) })
  @ApiErrors()
  posts(@Query() query: ListReadinessPostsQuery) {
    return this.rasad.send(ReadinessSubjects.postList, query);
  }

  @Get('gaps')
  @ApiOperation({ summary: 'Who lacks what, soonest duty first; CSV with ?format=csv' })
  @ApiOkResponse({ type: PageOf(ReadinessGapView) })
  @ApiErrors()
  gaps(@Query() query: ListReadinessGapsQuery) {
    return this.rasad.send(ReadinessSubjects.gapList, query);
  }

  @Get('assignments/:id')
  @ApiOperation({ summary: "One duty's verdict at `at`: its four checks and what is missing" })
  @ApiOkResponse({ type: ReadinessAssignmentView })
  @ApiErrors(404)
  assignment(@Param() { id }: IdRequest, @Query() query: ReadinessAssignmentQuery) {
    return this.rasad.send(ReadinessSubjects.assignmentGet, { id, ...query });
  }
}
