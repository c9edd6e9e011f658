import { Module } from '@nestjs/common';
import { PeopleRepository } from '../shared/people.repository';
import { FillService } from './fill.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({ controllers: [InvitationsController], providers: [FillService, InvitationsService, PeopleRepository] })
export class InvitationsModule {}
