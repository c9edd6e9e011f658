import { InvitationView } from '@rasad/contracts';

/** Invitations as the API shows them, with the person's name from the roster projection. */
export const SELECT_VIEW = `
  select i.id, i.session_id, i.personnel_id, coalesce(p.name, '') as personnel_name, i.status, i.status_reason,
    i.created_at, i.updated_at
  from briefings.invitation i left join briefings.personnel p on p.id = i.personnel_id`;

export interface InvitationRow {
  id: string;
  session_id: string;
  personnel_id: string;
  personnel_name: string;
  status: InvitationView['status'];
  status_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export function rowView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    sessionId: row.session_id,
    personnelId: row.personnel_id,
    personnelName: row.personnel_name,
    status: row.status,
    statusReason: row.status_reason,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
