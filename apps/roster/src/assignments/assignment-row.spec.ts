import { AssignmentRow, assignmentRowView } from './assignment-row';
import { DutyAssignment, assignmentView } from './duty-assignment.entity';

describe('assignmentRowView', () => {
  it('answers what the entity view answers, from the text PostgreSQL sends for timestamps', () => {
    const row: AssignmentRow = {
      id: '0190b0c0-0000-7000-8000-000000000001',
      personnel_id: '0190b0c0-0000-7000-8000-000000000002',
      post_id: '0190b0c0-0000-7000-8000-000000000003',
      role: 'guard',
      starts_at: '2027-02-08 01:00:00+00',
      ends_at: '2027-02-08 20:00:00.5+05',
      phase: 'poll_day',
      status: 'cancelled',
      cancel_reason: 'merged',
      change_reason: 'moved to the girls school',
      created_at: '2026-11-28 10:11:12.345678+00',
      updated_at: new Date('2026-11-28T10:11:13.000Z'),
    };
    const entity = Object.assign(new DutyAssignment(), {
      id: row.id,
      personnelId: row.personnel_id,
      postId: row.post_id,
      role: row.role,
      startsAt: new Date('2027-02-08T01:00:00Z'),
      endsAt: new Date('2027-02-08T15:00:00.500Z'),
      phase: row.phase,
      status: row.status,
      cancelReason: row.cancel_reason,
      changeReason: row.change_reason,
      createdAt: new Date('2026-11-28T10:11:12.345Z'),
      updatedAt: new Date('2026-11-28T10:11:13.000Z'),
    });
    expect(assignmentRowView(row)).toEqual(assignmentView(entity));
  });
});
