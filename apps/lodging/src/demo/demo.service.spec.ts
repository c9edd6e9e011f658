import { demoUuid } from '@rasad/common';
import { haripurDemoRows } from './demo.service';

describe('the Haripur lodging demo', () => {
  const rows = haripurDemoRows();
  type Bed = { roomId: string };
  type Room = { id: string; siteId: string; gender: string };
  type Site = { id: string; suitableForWomen: boolean; tehsilId: string };
  const rooms = rows.rooms as Room[];
  const sites = rows.sites as Site[];
  const bedsFor = (gender: string) =>
    (rows.beds as Bed[]).filter((bed) => rooms.find((room) => room.id === bed.roomId)?.gender === gender).length;

  it('has beds for the night before poll day: about 540 needed, 36 of them by women', () => {
    expect(bedsFor('male')).toBeGreaterThanOrEqual(560);
    expect(bedsFor('female')).toBeGreaterThanOrEqual(40);
  });

  it('has rooms for women only at sites suitable for women, and sites in each of the three tehsils', () => {
    for (const room of rooms.filter((r) => r.gender === 'female')) {
      expect(sites.find((site) => site.id === room.siteId)?.suitableForWomen).toBe(true);
    }
    expect(new Set(sites.map((site) => site.tehsilId))).toEqual(
      new Set(['HRP-HRP', 'HRP-GHZ', 'HRP-KHP'].map((code) => demoUuid(`tehsil:${code}`))),
    );
  });

  it('gives the same ids every time, so a second load changes nothing', () => {
    expect(haripurDemoRows()).toEqual(rows);
    expect(new Set((rows.beds as { id: string }[]).map((bed) => bed.id)).size).toBe(rows.beds.length);
  });
});
