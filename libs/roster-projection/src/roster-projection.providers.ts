import { Provider } from '@nestjs/common';
import {
  DutyProjectionConsumer,
  PersonnelProjectionConsumer,
  PostProjectionConsumer,
} from './roster-projection.consumer';
import {
  ROSTER_PROJECTION_HOOKS,
  ROSTER_PROJECTION_OPTIONS,
  RosterProjectionOptions,
} from './roster-projection.options';
import { RosterProjectionRepository } from './roster-projection.repository';

const CONSUMERS = {
  personnel: PersonnelProjectionConsumer,
  post: PostProjectionConsumer,
  duty: DutyProjectionConsumer,
};

/**
 * A service opts into the roster projection by listing these among the providers of the module that holds its
 * reactions (so the hooks can use that module's providers): a consumer per table it keeps, the repository, and its
 * hooks, if it has any, which must be a provider of that module too.
 */
export function rosterProjection(options: RosterProjectionOptions): Provider[] {
  return [
    { provide: ROSTER_PROJECTION_OPTIONS, useValue: options },
    RosterProjectionRepository,
    ...options.tables.map((table) => CONSUMERS[table]),
    ...(options.hooks ? [{ provide: ROSTER_PROJECTION_HOOKS, useExisting: options.hooks }] : []),
  ];
}
