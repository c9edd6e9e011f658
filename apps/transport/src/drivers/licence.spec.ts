import { LICENCE_NEEDED, licenceCovers, licenceProblem } from './licence';

describe('driving licences', () => {
  it('lets a PSV holder drive every four-wheeled type and nobody without one drive a bus', () => {
    expect(licenceCovers('psv', 'ltv')).toBe(true);
    expect(licenceCovers('psv', 'htv')).toBe(true);
    expect(licenceCovers('htv', 'psv')).toBe(false);
    expect(licenceCovers('ltv', LICENCE_NEEDED.bus)).toBe(false);
    expect(licenceCovers('psv', 'motorcycle')).toBe(false);
  });

  it('names the class a vehicle needs when the driver lacks it', () => {
    expect(licenceProblem({ licenceClass: 'ltv', licenceExpiresOn: '2030-01-01' }, 'coaster', '2027-02-08')).toBe(
      'a coaster needs a psv licence; the driver holds ltv',
    );
    expect(licenceProblem({ licenceClass: 'ltv', licenceExpiresOn: '2030-01-01' }, 'pickup', '2027-02-08')).toBeNull();
  });

  it('takes a licence as valid through its last day and refuses it the day after', () => {
    const driver = { licenceClass: 'psv' as const, licenceExpiresOn: '2027-02-08' };
    expect(licenceProblem(driver, 'bus', '2027-02-08')).toBeNull();
    expect(licenceProblem(driver, 'bus', '2027-02-09')).toBe(
      "the driver's licence expired on 2027-02-08, before the trip on 2027-02-09",
    );
  });
});
