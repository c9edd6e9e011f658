import { ArgumentMetadata } from '@nestjs/common';
import {
  CancelSessionRequest,
  CreateDistrictRequest,
  CreateSessionRequest,
  CreateUserRequest,
  DomainError,
  ErrorCode,
  PageQuery,
  RollCallRequest,
  UpdateDistrictRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
} from '@rasad/contracts';
import { MAX_NESTING, rasadValidationPipe, unacceptableField } from './validation.pipe';

async function errorsFor(metatype: new () => object, value: unknown, type: 'body' | 'query' = 'body') {
  try {
    await rasadValidationPipe().transform(value, { type, metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { message: (error as DomainError).message, errors: (error as DomainError).errors };
  }
  throw new Error('expected a validation failure');
}

describe('rasadValidationPipe', () => {
  it.each(['abc', '0', '501', '2.5'])('answers limit=%s with one message that says what to send', async (limit) => {
    const { errors, message } = await errorsFor(PageQuery, { limit }, 'query');
    expect(errors).toEqual([{ field: 'limit', message: 'limit must be a whole number from 1 to 500' }]);
    expect(message).toBe('Invalid limit: limit must be a whole number from 1 to 500');
  });

  it('answers a missing field with one message saying it is required', async () => {
    const { errors } = await errorsFor(CancelSessionRequest, {});
    expect(errors).toEqual([{ field: 'reason', message: 'reason is required: text of 1 to 500 characters' }]);
  });

  it('says what a field takes, from all its rules, whichever failed first', async () => {
    for (const reason of [5, '', 'x'.repeat(501)]) {
      expect((await errorsFor(CancelSessionRequest, { reason })).errors).toEqual([
        { field: 'reason', message: 'reason must be text of 1 to 500 characters' },
      ]);
    }
    const { errors } = await errorsFor(CreateUserRequest, {
      username: 'officer.one',
      password: 'long-enough-password',
      role: 'chief',
      districtIds: [],
    });
    expect(errors).toEqual([
      { field: 'role', message: 'role must be one of: admin, logistics_officer, briefing_officer, viewer' },
    ]);
  });

  it('keeps a message the contract wrote itself', async () => {
    const { errors } = await errorsFor(CreateUserRequest, {
      username: 'x',
      password: 'long-enough-password',
      role: 'viewer',
      districtIds: [],
    });
    expect(errors).toEqual([
      { field: 'username', message: 'username must be 3-60 lowercase letters, digits, dots, dashes or underscores' },
    ]);
  });

  it('still names every failing field, and unknown fields', async () => {
    const { errors } = await errorsFor(PageQuery, { limit: 'x', cursor: 'nope', colour: 'red' }, 'query');
    expect(errors!.map((e) => e.field).sort()).toEqual(['colour', 'cursor', 'limit']);
    expect(errors!.find((e) => e.field === 'colour')!.message).toBe('colour is not an accepted field');
  });
});

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
}

async function rejection(value: unknown, metadata: ArgumentMetadata): Promise<DomainError> {
  const error = await rasadValidationPipe()
    .transform(value, metadata)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('rasadValidationPipe guards against hostile bodies', () => {
  it('answers a body nested 20,000 deep with a 400 naming its field, where the recursive transform overflowed', async () => {
    const error = await rejection(
      { code: 'HRP', name: 'Haripur', province: nested(20_000) },
      body(CreateDistrictRequest),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.errors).toEqual([{ field: 'province', message: `nests deeper than ${MAX_NESTING} levels` }]);
  });

  it('lets the nesting of real requests through', () => {
    expect(unacceptableField({ entries: [{ personnelId: 'x', status: 'present' }] })).toBeUndefined();
    expect(unacceptableField(nested(MAX_NESTING))).toBeUndefined();
    expect(unacceptableField([nested(MAX_NESTING + 1)])?.field).toBe('0');
  });

  it('answers a NUL character or a lone surrogate, which PostgreSQL refuses (a 500), with a 400 naming the field', async () => {
    const error = await rejection(
      { code: 'HRP', name: 'Haripur\u0000Ghazi', province: 'Khyber Pakhtunkhwa' },
      body(CreateDistrictRequest),
    );
    expect(error.errors).toEqual([{ field: 'name', message: 'must not contain the NUL character (\\u0000)' }]);
    expect(unacceptableField({ venue: { name: '\u0000' } })?.field).toBe('venue.name');
    expect(unacceptableField({ search: '%\u0000' }, 'query')?.field).toBe('search');
    expect(unacceptableField({ name: 'Haripur \ud83d\uddf3 ok' })).toBeUndefined();
    expect(unacceptableField({ venue: { name: 'x\udfff\ud800' } })).toEqual({
      field: 'venue.name',
      message: 'must be well-formed Unicode: it holds half of a surrogate pair',
    });
  });

  it('names an empty key as "" rather than as no field at all', async () => {
    const error = await rejection({ code: 'HRP', name: 'Haripur', '': 1 }, body(CreateDistrictRequest));
    expect(error.errors).toEqual([{ field: '""', message: '"" is not an accepted field' }]);
  });

  it('requires a briefing venue to be one object: missing, or a list of venues, is a 400 on venue', async () => {
    const session = {
      title: 'Code of conduct',
      topics: ['code_of_conduct'],
      startsAt: '2027-02-05T10:00:00+05:00',
      endsAt: '2027-02-05T12:00:00+05:00',
      presenter: 'DSP Legal',
      districtId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    };
    const venue = { name: 'Police Lines Hall', address: 'G.T. Road, Haripur', capacity: 10 };
    for (const value of [session, { ...session, venue: [venue] }]) {
      const error = await rejection(value, body(CreateSessionRequest));
      expect(error.errors?.map((e) => e.field)).toContain('venue');
    }
    await expect(
      rasadValidationPipe().transform({ ...session, venue }, body(CreateSessionRequest)),
    ).resolves.toBeInstanceOf(CreateSessionRequest);
  });

  it('takes null for a field a record cannot be without as a 400 on it, not a NULL at the database (a 500)', async () => {
    const unit = await rejection({ name: null }, body(UpdateUnitRequest));
    expect(unit.errors?.map((e) => e.field)).toEqual(['name']);
    const user = await rejection({ districtIds: null }, body(UpdateUserRequest));
    expect(user.errors?.map((e) => e.field)).toContain('districtIds');
    // A field that is optional to begin with may still be cleared.
    await expect(rasadValidationPipe().transform({ province: null }, body(UpdateDistrictRequest))).resolves.toEqual({
      province: null,
    });
  });

  it('takes a time that fits the pattern but is no date (2027-13-01, 2027-02-30) as a 400, not an Invalid Date', async () => {
    const entry = {
      personnelId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      status: 'present',
      codeOfConductAcknowledged: true,
    };
    for (const acknowledgedAt of ['2027-13-01T00:00:00Z', '2027-02-30T10:00:00+05:00', '2027-02-05T10:00:00+99:00']) {
      const error = await rejection({ entries: [{ ...entry, acknowledgedAt }] }, body(RollCallRequest));
      expect(error.errors?.map((e) => e.field)).toEqual(['entries.0.acknowledgedAt']);
    }
    const leapDay = { entries: [{ ...entry, acknowledgedAt: '2028-02-29T10:00:00+05:00' }] };
    await expect(rasadValidationPipe().transform(leapDay, body(RollCallRequest))).resolves.toBeInstanceOf(
      RollCallRequest,
    );
  });
});
