import { Controller, Get, Param, Req } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { AssignmentsService } from './assignments.service';
import type { SignedInRequest } from './jwt-auth.guard';

class IdParam {
  @IsUUID()
  id: string;
}

@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get(':id')
  get(@Param() { id }: IdParam, @Req() request: SignedInRequest) {
    return this.assignments.get(id, request.user);
  }
}
