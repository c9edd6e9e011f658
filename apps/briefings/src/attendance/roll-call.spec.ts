import { ErrorCode } from '@rasad/contracts';
import { rollCallEntries, rollCallPeople } from './roll-call';

const recordedAt = new Date('2027-02-05T07:00:00Z');
const a = '0190b0c0-0000-7000-8000-00000000000a';
const b = '0190b0c0-0000-7000-8000-00000000000b';

describe('rollCallEntries', () => {
  it('times an acknowledgement at the roll call unless told when it was signed', () => {
    expect(
      rollCallEntries(
        [
          { personnelId: a, status: 'present', codeOfConductAcknowledged: true },
          {
            personnelId: b,
            status: 'present',
            codeOfConductAcknowledged: true,
            acknowledgedAt: '2027-02-05T11:30:00+05:00',
          },
        ],
        recordedAt,
      ),
    ).toEqual([
      { personnelId: a, status: 'present', codeOfConductAcknowledgedAt: '2027-02-05T07:00:00.000Z' },
      { personnelId: b, status: 'present', codeOfConductAcknowledgedAt: '2027-02-05T06:30:00.000Z' },
    ]);
  });

  it('records no acknowledgement for someone who did not sign', () => {
    expect(rollCallEntries([{ personnelId: a, status: 'absent' }], recordedAt)).toEqual([
      { personnelId: a, status: 'absent', codeOfConductAcknowledgedAt: null },
    ]);
  });

  it('names each bad entry: an absent signer, a repeated person, a time without a signature', () => {
    try {
      rollCallEntries(
        [
          { personnelId: a, status: 'absent', codeOfConductAcknowledged: true },
          { personnelId: a, status: 'present', acknowledgedAt: '2027-02-05T11:30:00+05:00' },
        ],
        recordedAt,
      );
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((error as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
        'entries[0].codeOfConductAcknowledged',
        'entries[1].personnelId',
        'entries[1].acknowledgedAt',
      ]);
    }
  });
});

describe('rollCallPeople', () => {
  it('names each entry by the field that holds its person', () => {
    expect(
      rollCallPeople([
        { personnelId: a, status: 'present' },
        { serviceNumber: 'HRP-10452', status: 'absent' },
      ]),
    ).toEqual([
      { ref: { personnelId: a }, field: 'entries[0].personnelId' },
      { ref: { serviceNumber: 'HRP-10452' }, field: 'entries[1].serviceNumber' },
    ]);
  });

  it('refuses an entry that names its person both ways', () => {
    expect(() => rollCallPeople([{ personnelId: b, serviceNumber: 'HRP-1', status: 'present' }])).toThrow(
      expect.objectContaining({
        code: ErrorCode.ValidationFailed,
        errors: [{ field: 'entries[0].serviceNumber', message: 'give personnelId or serviceNumber, not both' }],
      }),
    );
  });
});
