import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  BeginImportRequest,
  CallerScope,
  ImportBatchRequest,
  ImportCommitRequest,
  RosterSubjects,
} from '@rasad/contracts';
import { ImportsService } from './imports.service';
import type { ImportRowsPayload } from './rows-message';

@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @MessagePattern(RosterSubjects.importBegin)
  begin(@Payload() request: BeginImportRequest, @Scope() scope: CallerScope) {
    return this.imports.begin(request, scope);
  }

  @MessagePattern(RosterSubjects.importRows)
  rows(@Payload() request: ImportRowsPayload, @Scope() scope: CallerScope) {
    return this.imports.rows(request, scope);
  }

  @MessagePattern(RosterSubjects.importCommit)
  commit(@Payload() request: ImportCommitRequest, @Scope() scope: CallerScope) {
    return this.imports.commit(request, scope);
  }

  @MessagePattern(RosterSubjects.importAbort)
  abort(@Payload() request: ImportBatchRequest, @Scope() scope: CallerScope) {
    return this.imports.abort(request, scope);
  }
}
