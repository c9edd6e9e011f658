import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Kitchen } from '../kitchens/kitchen.entity';
import { haripurKitchens } from './haripur-kitchens';

/** `npm start`'s kitchens for the Haripur demo roster, added once, to a meals service that has none. */
@Injectable()
export class DemoKitchensService {
  private readonly logger = new Logger(DemoKitchensService.name);

  constructor(private readonly em: EntityManager) {}

  async addHaripur(): Promise<void> {
    const em = this.em.fork();
    if ((await em.count(Kitchen, {})) > 0) {
      return;
    }
    const kitchens = haripurKitchens();
    for (const kitchen of kitchens) {
      em.create(Kitchen, kitchen);
    }
    await em.flush();
    this.logger.log(
      { kitchens: kitchens.map((k) => `${k.name} (${k.capacityPerSlot})`) },
      'added the Haripur demo kitchens',
    );
  }
}
