import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import { BeginImportRequest, CallerScope, ImportBatchRequest, ImportCommitRequest, Subjects } from '@rasad/contracts';
import { ImportsService } from './imports.service';
import type { ImportRowsPayload } from './rows-message';

@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @MessagePattern(Subjects.importBegin)
  begin(@Payload() request: BeginImportRequest, @Scope() scope: CallerScope) {
    return this.imports.begin(request, scope);
  }

  @MessagePattern(Subjects.importRows)
  rows(@Payload() request: ImportRowsPayload, @Scope() scope: CallerScope) {
    return this.imports.rows(request, scope);
  }

  @MessagePattern(Subjects.importCommit)
  commit(@Payload() request: ImportCommitRequest, @Scope() scope: CallerScope) {
    return this.imports.commit(request, scope);
  }

  @MessagePattern(Subjects.importAbort)
  abort(@Payload() request: ImportBatchRequest, @Scope() scope: CallerScope) {
    return this.imports.abort(request, scope);
  }
}
