import { Body, Controller, Delete, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BriefingsSubjects, CalendarLinkRequest, CalendarLinkView, PersonnelIdRequest } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { GatewayEnv } from '../gateway.env';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';

class RevokedView {
  @ApiProperty() revoked: boolean;
}

@ApiBearerAuth()
@Audited({ entity: 'calendar_link', idField: 'personnelId', redact: ['token', 'path', 'url'] })
@Roles('admin', 'logistics_officer', 'briefing_officer')
@ApiTags('Calendar')
@Controller('calendar-links')
export class CalendarLinksController {
  constructor(
    private readonly rasad: RasadClient,
    private readonly env: GatewayEnv,
  ) {}

  @Post()
  @ApiOperation({
    summary: "Issue a person's calendar link and send it to them; any earlier link of theirs stops working",
    description:
      'The whole link (`url`, on PUBLIC_BASE_URL) is in this answer and in the notice sent to the person by their ' +
      "channel; the link table keeps only the token's hash.",
  })
  @ApiCreatedResponse({ type: CalendarLinkView })
  @ApiErrors(422)
  issue(@Body() body: CalendarLinkRequest) {
    return this.rasad.send(BriefingsSubjects.calendarLinkIssue, { ...body, publicBaseUrl: this.env.PUBLIC_BASE_URL });
  }

  @Delete(':personnelId')
  @ApiOperation({ summary: "Revoke a person's calendar link; `revoked` is false when there was none" })
  @ApiOkResponse({ type: RevokedView })
  @ApiErrors(404)
  revoke(@Param() { personnelId }: PersonnelIdRequest) {
    return this.rasad.send(BriefingsSubjects.calendarLinkRevoke, { personnelId });
  }
}
