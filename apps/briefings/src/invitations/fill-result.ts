import { FilledPersonView } from '@rasad/contracts';
import { LEFT_OVER_LIMIT } from './fill.sql';

interface RankedRow {
  personnel_id: string;
  first_duty: Date | string;
  total: number;
  invitation_id: string | null;
}

export interface SplitFill {
  invited: FilledPersonView[];
  leftOver: FilledPersonView[];
  /** Everyone eligible who got no seat, also beyond the listed LEFT_OVER_LIMIT. */
  leftOverTotal: number;
}

/** The ranked rows of a fill (earliest duty first), split into those invited now and those left without a seat. */
export function splitFill(rows: RankedRow[]): SplitFill {
  const people = rows.map((row) => ({
    personnelId: row.personnel_id,
    firstDutyStartsAt: new Date(row.first_duty).toISOString(),
    invitationId: row.invitation_id,
  }));
  const invited = people.filter((person) => person.invitationId !== null);
  const leftOver = people.filter((person) => person.invitationId === null).slice(0, LEFT_OVER_LIMIT);
  const total = rows.length > 0 ? rows[0].total : 0;
  return { invited, leftOver, leftOverTotal: total - invited.length };
}
