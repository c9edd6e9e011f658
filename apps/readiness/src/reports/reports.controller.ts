import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  ListReadinessGapsQuery,
  ListReadinessPostsQuery,
  ReadinessAssignmentRequest,
  ReadinessRollupQuery,
  ReadinessSubjects,
  ReadinessSummaryQuery,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { ReportsService } from './reports.service';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(ReadinessSubjects.summary)
  summary(@Payload() query: ReadinessSummaryQuery, @Scope() scope: CallerScope) {
    return this.reports.summary(query, scope);
  }

  @MessagePattern(ReadinessSubjects.rollup)
  rollup(@Payload() query: ReadinessRollupQuery, @Scope() scope: CallerScope) {
    return this.reports.rollup(query, scope);
  }

  @MessagePattern(ReadinessSubjects.postList)
  posts(@Payload() query: ListReadinessPostsQuery, @Scope() scope: CallerScope) {
    return this.reports.posts(query, scope);
  }

  @MessagePattern(ReadinessSubjects.gapList)
  gaps(@Payload() query: ListReadinessGapsQuery, @Scope() scope: CallerScope) {
    return this.reports.gaps(query, scope);
  }

  @MessagePattern(ReadinessSubjects.assignmentGet)
  assignment(@Payload() request: ReadinessAssignmentRequest, @Scope() scope: CallerScope) {
    return this.reports.assignment(request, scope);
  }
}
