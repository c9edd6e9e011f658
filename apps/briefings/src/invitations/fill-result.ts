import { FilledPersonView } from '@rasad/contracts';

/** How many of those left without a seat the answer lists. */
export const LEFT_OVER_LIMIT = 1000;

/** One eligible person of a fill, ranked by their earliest qualifying duty. */
export interface RankedPerson {
  personnelId: string;
  firstDuty: Date;
  /** How many are eligible in all. */
  total: number;
  /** The invitation the fill gave them; null when they are left over. */
  invitationId: string | null;
}

export interface SplitFill {
  invited: FilledPersonView[];
  leftOver: FilledPersonView[];
  /** Everyone eligible who got no seat, also beyond the listed LEFT_OVER_LIMIT. */
  leftOverTotal: number;
}

/** The ranked rows of a fill (earliest duty first), split into those invited now and those left without a seat. */
export function splitFill(rows: RankedPerson[]): SplitFill {
  const people = rows.map((row) => ({
    personnelId: row.personnelId,
    firstDutyStartsAt: row.firstDuty.toISOString(),
    invitationId: row.invitationId,
  }));
  const invited = people.filter((person) => person.invitationId !== null);
  const leftOver = people.filter((person) => person.invitationId === null).slice(0, LEFT_OVER_LIMIT);
  const total = rows.length > 0 ? rows[0].total : 0;
  return { invited, leftOver, leftOverTotal: total - invited.length };
}
