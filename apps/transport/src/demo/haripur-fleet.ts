import { LicenceClass, PickupPointKind, VehicleOwner, VehicleType } from '@rasad/contracts';

export interface DemoVehicle {
  registration: string;
  type: VehicleType;
  seats: number;
  owner: VehicleOwner;
}

export interface DemoPickupPoint {
  name: string;
  kind: PickupPointKind;
  latitude: number;
  longitude: number;
  address: string;
}

/** What the demo's poll day needs moved at once: about 1,700 people to their posts by 05:30, and back at 20:00. */
const FLEET: { type: VehicleType; seats: number; owner: VehicleOwner; count: number }[] = [
  { type: 'bus', seats: 50, owner: 'requisitioned', count: 20 },
  { type: 'coaster', seats: 26, owner: 'hired', count: 25 },
  { type: 'van', seats: 12, owner: 'police', count: 10 },
  { type: 'pickup', seats: 8, owner: 'police', count: 20 },
];

/** The Haripur fleet, the same on every call: registrations HRA-1001 onwards. */
export function haripurVehicles(): DemoVehicle[] {
  let serial = 1000;
  return FLEET.flatMap(({ count, ...vehicle }) =>
    Array.from({ length: count }, () => ({ registration: `HRA-${++serial}`, ...vehicle })),
  );
}

/**
 * The service numbers of the roster demo's Motor Transport section (MOTOR_TRANSPORT_PREFIX in
 * apps/roster/src/seed/haripur-personnel.ts): transport may not import another app; planner.e2e-spec.ts proves they
 * match, as every vehicle gets one of them as its driver.
 */
export const HARIPUR_DRIVER_SERVICE_NUMBERS = 'HRP-MT-';

/** The licences the fleet needs: one driver per vehicle, PSV for buses and coasters, LTV for the rest. */
export function haripurDriverLicences(): LicenceClass[] {
  return FLEET.flatMap(({ type, count }) =>
    Array.from({ length: count }, (): LicenceClass => (type === 'bus' || type === 'coaster' ? 'psv' : 'ltv')),
  );
}

export const HARIPUR_PICKUP_POINTS: readonly DemoPickupPoint[] = [
  {
    name: 'Police Lines Haripur',
    kind: 'police_lines',
    latitude: 33.9946,
    longitude: 72.9106,
    address: 'G.T. Road, Haripur',
  },
  {
    name: 'Police Station Ghazi',
    kind: 'police_station',
    latitude: 34.0117,
    longitude: 72.6458,
    address: 'Main Bazar, Ghazi',
  },
  {
    name: 'Police Station Khanpur',
    kind: 'police_station',
    latitude: 33.8167,
    longitude: 73.0167,
    address: 'Khanpur Road, Khanpur',
  },
  {
    name: 'Govt. Degree College Hostel (lodging)',
    kind: 'lodging_site',
    latitude: 33.9833,
    longitude: 72.9333,
    address: 'Jail Road, Haripur',
  },
];
