import { Module } from '@nestjs/common';
import { PeopleRepository } from '../shared/people.repository';
import { NightsController } from './nights.controller';
import { NightsRepository } from './nights.repository';
import { NightsService } from './nights.service';

/** The nights people's duties need, housed or not, and the beds no duty needs any more. */
@Module({ controllers: [NightsController], providers: [NightsService, NightsRepository, PeopleRepository] })
export class NeedsModule {}
