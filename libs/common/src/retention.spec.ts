import { v7 as uuidv7 } from 'uuid';
import { purgeStatement, uuidV7Floor } from './retention';

describe('uuidV7Floor', () => {
  it('sorts below every UUID v7 made at or after the instant and above those made before', () => {
    const at = new Date('2027-02-08T01:00:00.000Z');
    const floor = uuidV7Floor(at);
    expect(floor).toBe('01a39274-6a80-7000-8000-000000000000');
    expect(uuidv7({ msecs: at.getTime() }) >= floor).toBe(true);
    expect(uuidv7({ msecs: at.getTime() - 1 }) < floor).toBe(true);
  });
});

describe('purgeStatement', () => {
  const cutoff = new Date('2027-01-01T00:00:00Z');

  it('walks the age column itself, a batch at a time, skipping locked rows', () => {
    const { sql, params } = purgeStatement(
      { kind: 'notices', table: 'notifier.notice', olderThan: 'created_at', where: "status = 'sent'", days: 90 },
      cutoff,
      500,
    );
    expect(sql.replace(/\s+/g, ' ')).toBe(
      'delete from notifier.notice where ctid = any(array( select ctid from notifier.notice ' +
        "where created_at < $1 and (status = 'sent') order by created_at limit $2 for update skip locked))",
    );
    expect(params).toEqual([cutoff, 500]);
  });

  it('walks a UUID v7 key bounded by the cut-off, and still checks the age column', () => {
    const { sql, params } = purgeStatement(
      { kind: 'inbox', table: 's.inbox', olderThan: 'applied_at', walkUuidV7: 'event_id', days: 91 },
      cutoff,
      500,
    );
    expect(sql).toContain('where event_id < $3::uuid and applied_at < $1');
    expect(sql).toContain('order by event_id limit $2');
    expect(params).toEqual([cutoff, 500, uuidV7Floor(cutoff)]);
  });
});
