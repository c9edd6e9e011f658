import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptPlanRequest, AcceptedPlanView, PlanDraftView, PlanRequest, TransportSubjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

/** A district's day is planned and written in one transaction each: thousands of legs, more than a read's timeout. */
const PLAN_TIMEOUT_MS = 120_000;
@ApiBearerAuth()
@ApiTags('Transport')
@Controller('transport/plans')
export class PlansController {
  constructor(private readonly rasad: RasadClient) {}

  // A draft writes nothing, so only its acceptance is audited.
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Propose trips for a day's uncovered legs from the vehicles and drivers free then; writes nothing. The answer " +
      'has the coverage (legs, vehicles, vehicle-hours, seats) and each leg it could not cover with the reason',
  })
  @ApiOkResponse({ type: PlanDraftView })
  @ApiErrors(422)
  draft(@Body() body: PlanRequest) {
    return this.rasad.send(TransportSubjects.planDraft, body, { timeoutMs: PLAN_TIMEOUT_MS });
  }

  @Post('accept')
  @Audited({ entity: 'transport_plan', idField: 'districtId' })
  @AuditAction('accept')
  @ApiOperation({
    summary:
      "Write a draft's trips and bookings (`{districtId, trips}` as the draft gave them) all at once; a 409 when " +
      'something changed meanwhile, and nothing written',
  })
  @ApiCreatedResponse({ type: AcceptedPlanView })
  @ApiErrors(409, 422)
  accept(@Body() body: AcceptPlanRequest) {
    return this.rasad.send(TransportSubjects.planAccept, body, { timeoutMs: PLAN_TIMEOUT_MS });
  }
}
