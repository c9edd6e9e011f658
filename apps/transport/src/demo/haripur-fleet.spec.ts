import { LICENCE_NEEDED, licenceCovers } from '../drivers/licence';
import { HARIPUR_PICKUP_POINTS, haripurDriverLicences, haripurVehicles } from './haripur-fleet';

describe('the Haripur demo fleet', () => {
  it('seats the poll day morning’s 1,700 people at once, each vehicle with a driver licensed for it', () => {
    const vehicles = haripurVehicles();
    const licences = haripurDriverLicences();
    expect(vehicles.reduce((n, v) => n + v.seats, 0)).toBeGreaterThan(1700);
    expect(new Set(vehicles.map((v) => v.registration)).size).toBe(vehicles.length);
    expect(licences).toHaveLength(vehicles.length);
    vehicles.forEach((vehicle, i) => expect(licenceCovers(licences[i], LICENCE_NEEDED[vehicle.type])).toBe(true));
    expect(haripurVehicles()).toEqual(vehicles);
  });

  it('has a pickup point in each tehsil', () => {
    expect(HARIPUR_PICKUP_POINTS.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Police Lines Haripur', 'Police Station Ghazi', 'Police Station Khanpur']),
    );
  });
});
