import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { demoUuid } from '@rasad/common';
import { DemoRepository, DemoRows } from './demo.repository';
import { HARIPUR_SITES } from './haripur-sites';

/** The roster demo's Haripur, named by the same keys the roster's demo uses. */
export const DEMO_HARIPUR = demoUuid('district:HRP');

/** The demo's sites, rooms and beds, with ids from their names, so that loading twice changes nothing. */
export function haripurDemoRows(): DemoRows {
  const rows: DemoRows = { sites: [], rooms: [], beds: [] };
  for (const site of HARIPUR_SITES) {
    const siteId = demoUuid(`lodging-site:${site.name}`);
    rows.sites.push({
      id: siteId,
      name: site.name,
      kind: site.kind,
      districtId: DEMO_HARIPUR,
      tehsilId: demoUuid(`tehsil:${site.tehsil}`),
      address: site.address,
      latitude: site.latitude,
      longitude: site.longitude,
      // Schools have taps and toilets, not bathing rooms.
      bathing: site.kind !== 'school',
      suitableForWomen: site.suitableForWomen,
    });
    for (const room of site.rooms) {
      const roomId = demoUuid(`lodging-room:${site.name}:${room.name}`);
      rows.rooms.push({ id: roomId, siteId, name: room.name, gender: room.gender });
      for (let bed = 1; bed <= room.beds; bed++) {
        rows.beds.push({ id: demoUuid(`lodging-bed:${roomId}:${bed}`), roomId, label: String(bed) });
      }
    }
  }
  return rows;
}

/** Loads the demo's sites unless Haripur has sites already (an officer's own, or the demo's from a first start). */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('LodgingDemo');

  constructor(
    private readonly orm: MikroORM,
    private readonly demo: DemoRepository,
  ) {}

  async loadHaripur(): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      if (await this.demo.hasSites(em, DEMO_HARIPUR)) {
        return;
      }
      const rows = haripurDemoRows();
      await this.demo.insert(em, rows);
      this.logger.log(`demo: ${rows.sites.length} Haripur sites with ${rows.beds.length} beds`);
    });
  }
}
