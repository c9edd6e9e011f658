import { RosterProjectionOptions } from '@rasad/roster-projection';

/**
 * Readiness judges what meals, lodging and transport judge, so it keeps what each of them keeps: dietary needs
 * (fed), travel mode with posts' places and remote flag (transported, lodged), home districts (lodged).
 */
export const READINESS_ROSTER_PROJECTION: RosterProjectionOptions = {
  schema: 'readiness',
  tables: ['personnel', 'post', 'duty'],
  dietaryNeeds: true,
  travel: true,
};
