import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { DemoFleetRepository } from './demo-fleet.repository';
import {
  HARIPUR_DRIVER_SERVICE_NUMBERS,
  HARIPUR_PICKUP_POINTS,
  haripurDriverLicences,
  haripurVehicles,
} from './haripur-fleet';

/**
 * The Haripur fleet for the demo: buses, coasters, vans and pickups with a licensed driver each, and the pickup points
 * of the three tehsils, so that the planner covers the demo's poll day out of the box. Drivers are the roster demo's
 * Motor Transport section, so it waits for transport's copy of the roster to hold them.
 */
@Injectable()
export class DemoFleetService {
  private readonly logger = new Logger(DemoFleetService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly repository: DemoFleetRepository,
  ) {}

  /**
   * Loads the fleet into the demo district once, with all its drivers; false while transport's copy of the roster
   * does not hold the district and every Motor Transport driver yet (the roster's demo announces them last, so a fleet
   * loaded at the first polling station would have no drivers).
   */
  async load(): Promise<boolean> {
    const licences = haripurDriverLicences();
    return this.em.fork().transactional(async (em: EntityManager) => {
      const districtId = await this.repository.haripurDistrictId(em);
      if (!districtId) {
        return false;
      }
      if ((await this.repository.driverCount(em, districtId)) >= licences.length) {
        return true;
      }
      if ((await this.repository.freeDriversKnown(em, HARIPUR_DRIVER_SERVICE_NUMBERS)) < licences.length) {
        return false;
      }
      const loaded = await this.repository.insert(
        em,
        districtId,
        haripurVehicles(),
        HARIPUR_PICKUP_POINTS,
        HARIPUR_DRIVER_SERVICE_NUMBERS,
        licences,
        '2030-12-31',
      );
      this.logger.log(`demo fleet: ${loaded.vehicles} vehicles, ${loaded.drivers} drivers for Haripur`);
      return true;
    });
  }
}
