import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryView, ListAuditQuery, PageOf } from '@rasad/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { AuditService } from './audit.service';

@ApiTags('Audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Every change and every read of CNIC or phone: who, when, what, before and after (newest first)',
  })
  @ApiOkResponse({ type: PageOf(AuditEntryView) })
  @ApiErrors()
  list(@Query() query: ListAuditQuery) {
    return this.audit.list(query);
  }
}
