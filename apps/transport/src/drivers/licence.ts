import { LicenceClass, VehicleType } from '@rasad/contracts';

/** The licence each vehicle type needs: passenger buses and coasters a public service vehicle licence. */
export const LICENCE_NEEDED: Record<VehicleType, LicenceClass> = {
  bus: 'psv',
  coaster: 'psv',
  van: 'ltv',
  pickup: 'ltv',
  car: 'ltv',
  motorcycle: 'motorcycle',
};

/** What else a licence allows: a PSV holder also drives heavy and light vehicles, an HTV holder light ones. */
const ALSO_DRIVES: Record<LicenceClass, readonly LicenceClass[]> = {
  psv: ['psv', 'htv', 'ltv'],
  htv: ['htv', 'ltv'],
  ltv: ['ltv'],
  motorcycle: ['motorcycle'],
};

export function licenceCovers(held: LicenceClass, needed: LicenceClass): boolean {
  return ALSO_DRIVES[held].includes(needed);
}

export interface LicenceHolder {
  licenceClass: LicenceClass;
  /** The last local date it is valid on, `YYYY-MM-DD`. */
  licenceExpiresOn: string;
}

/**
 * Why this driver may not drive this vehicle on a trip ending on `lastLocalDate` (the trip's last local day), or
 * null when they may.
 */
export function licenceProblem(driver: LicenceHolder, vehicleType: VehicleType, lastLocalDate: string): string | null {
  const needed = LICENCE_NEEDED[vehicleType];
  if (!licenceCovers(driver.licenceClass, needed)) {
    return `a ${vehicleType} needs a ${needed} licence; the driver holds ${driver.licenceClass}`;
  }
  if (driver.licenceExpiresOn < lastLocalDate) {
    return `the driver's licence expired on ${driver.licenceExpiresOn}, before the trip on ${lastLocalDate}`;
  }
  return null;
}
