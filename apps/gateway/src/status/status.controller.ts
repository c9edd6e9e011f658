import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsumersStatusView } from '@rasad/contracts';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { StatusService } from './status.service';

@ApiTags('Status')
@ApiBearerAuth()
@Roles('admin')
@Controller('status')
export class StatusController {
  constructor(private readonly status: StatusService) {}

  @Get('consumers')
  @ApiOperation({ summary: 'How far each consuming service is behind the events: events pending and seconds behind' })
  @ApiOkResponse({ type: ConsumersStatusView })
  @ApiErrors()
  consumers() {
    return this.status.consumersStatus();
  }
}
