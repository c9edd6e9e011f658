import { Module } from '@nestjs/common';
import { BriefingAudienceController } from './invitations.controller';
import { BriefingSessionsController } from './sessions.controller';

@Module({ controllers: [BriefingSessionsController, BriefingAudienceController] })
export class BriefingsRoutesModule {}
