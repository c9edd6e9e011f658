import { Module } from '@nestjs/common';
import { FillService } from './fill.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({ controllers: [InvitationsController], providers: [FillService, InvitationsService] })
export class InvitationsModule {}
