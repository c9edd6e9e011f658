import { distanceKm } from './distance';

describe('distanceKm', () => {
  it('is zero at one place and about 20 km from Haripur to Khanpur', () => {
    const haripur = { latitude: 33.9946, longitude: 72.9106 };
    expect(distanceKm(haripur, haripur)).toBe(0);
    const khanpur = { latitude: 33.8167, longitude: 72.9333 };
    expect(distanceKm(haripur, khanpur)).toBeGreaterThan(19);
    expect(distanceKm(haripur, khanpur)).toBeLessThan(21);
  });
});
