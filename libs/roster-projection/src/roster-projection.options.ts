import { EntityManager } from '@mikro-orm/postgresql';
import { Type } from '@nestjs/common';
import { PersonnelEvent, PostEvent } from '@rasad/contracts';
import { EventOf } from '@rasad/messaging';
import { DutyChange } from './duty-changes';

export const ROSTER_PROJECTION_OPTIONS = Symbol('ROSTER_PROJECTION_OPTIONS');
export const ROSTER_PROJECTION_HOOKS = Symbol('ROSTER_PROJECTION_HOOKS');

/** The roster's records a service may keep a copy of: tables `personnel`, `post` and `duty` in its schema. */
export type RosterTable = 'personnel' | 'post' | 'duty';

export interface RosterProjectionOptions {
  /** The service's schema, where the tables live (created by its migration through `rosterProjectionSql`). */
  schema: string;
  tables: readonly RosterTable[];
  /** Keep each person's phone: only for a service that sends people notices. Personal data stays minimal. */
  phones?: boolean;
  /** Keep each person's dietary needs (`dietary_needs text[]`): for a service that feeds people (meals). */
  dietaryNeeds?: boolean;
  /** Keep each person's gender: only for a service that must respect it (lodging's rooms). */
  genders?: boolean;
  /** Keep each post's coordinates and remote flag: only for a service that reasons about distance (lodging). */
  postPlaces?: boolean;
  /** Keep each person's travel mode and each post's coordinates: for a service that moves people to their posts. */
  travel?: boolean;
  /** The service's own reactions to duty events, a provider of its module. */
  hooks?: Type<RosterProjectionHooks>;
}

/** What a service does beside keeping its copy, in the same transaction as the events' inbox rows. */
export interface RosterProjectionHooks {
  /**
   * After each run of duty events is applied: what each event did, in arrival order. Called with the whole run at
   * once (one event at a time when a failing run is isolated), so a reaction should be set-based too.
   */
  dutiesApplied(em: EntityManager, changes: readonly DutyChange[]): Promise<void>;
  /** After each run of people's events is applied (stale ones included: the copy kept the later state). */
  personnelApplied?(em: EntityManager, people: readonly EventOf<PersonnelEvent>[]): Promise<void>;
  /** After each run of posts' events is applied. */
  postsApplied?(em: EntityManager, posts: readonly EventOf<PostEvent>[]): Promise<void>;
}
