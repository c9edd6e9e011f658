import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BeginImportRequest, ImportBatchRequest, ImportRowsRequest, Subjects } from '@rasad/contracts';
import { ImportsService } from './imports.service';

@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @MessagePattern(Subjects.importBegin)
  begin(@Payload() request: BeginImportRequest) {
    return this.imports.begin(request);
  }

  @MessagePattern(Subjects.importRows)
  rows(@Payload() request: ImportRowsRequest) {
    return this.imports.rows(request);
  }

  @MessagePattern(Subjects.importCommit)
  commit(@Payload() request: ImportBatchRequest) {
    return this.imports.commit(request);
  }

  @MessagePattern(Subjects.importAbort)
  abort(@Payload() request: ImportBatchRequest) {
    return this.imports.abort(request);
  }
}
