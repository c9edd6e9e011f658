import { DutyWindow } from '@rasad/duty-assignments';

/**
 * Which end of a wanted window causes its overlap with another duty, so the error points at the field to fix: the
 * start when it falls inside the other duty, else the end, which runs into it. The imports' SQL asks the same
 * (overlapField in assignment-import.sql.ts).
 */
export function overlapField(wanted: DutyWindow, other: DutyWindow): 'startsAt' | 'endsAt' {
  return wanted.startsAt.getTime() >= other.startsAt.getTime() ? 'startsAt' : 'endsAt';
}
