import { redactingFailures, withoutPersonalData } from './personal-data';

describe('withoutPersonalData', () => {
  it('blanks the phones and CNICs a failing statement quotes with its values', () => {
    const driver = new Error(
      `insert into "notifier"."recipient" ("id", "name", "phone") values ('01939a4e', 'Asif Khan', '+923001234567') ` +
        `on conflict ("id") do update set "phone" = excluded."phone" - value too long; CNIC 13302-1234567-1`,
    );
    const error = withoutPersonalData(driver);
    expect(error.message).toContain(`'Asif Khan', '[phone]'`);
    expect(error.message).toContain('CNIC [cnic]');
    expect(error.message).not.toMatch(/3001234567|1234567-1/);
  });

  it('keeps an error that quotes nothing personal as it is', () => {
    class UnknownPostError extends Error {}
    const unknown = new UnknownPostError('post 01939a4e not known to the notifier yet');
    expect(withoutPersonalData(unknown)).toBe(unknown);
  });

  it('rethrows a failing step redacted', async () => {
    await expect(redactingFailures(() => Promise.reject(new Error('phone 0300-1234567 refused')))).rejects.toThrow(
      'phone [phone] refused',
    );
  });
});
