import { Module } from '@nestjs/common';
import { PeopleRepository } from '../shared/people.repository';
import { FillService } from './fill.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';

@Module({
  controllers: [InvitationsController],
  providers: [FillService, InvitationsService, InvitationsRepository, PeopleRepository],
})
export class InvitationsModule {}
