import { Global, Module } from '@nestjs/common';
import { RosterFactsRepository } from './roster-facts.repository';

@Global()
@Module({ providers: [RosterFactsRepository], exports: [RosterFactsRepository] })
export class RosterFactsModule {}
