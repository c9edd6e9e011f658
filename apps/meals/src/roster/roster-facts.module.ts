import { Global, Module } from '@nestjs/common';
import { rosterProjection } from '@rasad/roster-projection';
import { MEALS_SCHEMA } from '../mikro-orm.config';
import { RosterFactsRepository } from './roster-facts.repository';

/**
 * Meals' copy of the roster (`@rasad/roster-projection`): people with their dietary needs, posts, duties. Headcounts
 * are read from it on every request, so a posting, reposting, cancellation or new dietary need counts as soon as its
 * event is applied, with no reaction of meals' own.
 */
@Global()
@Module({
  providers: [
    RosterFactsRepository,
    ...rosterProjection({ schema: MEALS_SCHEMA, tables: ['personnel', 'post', 'duty'], dietaryNeeds: true }),
  ],
  exports: [RosterFactsRepository],
})
export class RosterFactsModule {}
