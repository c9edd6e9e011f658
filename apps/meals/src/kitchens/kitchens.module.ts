import { Module } from '@nestjs/common';
import { KitchensController } from './kitchens.controller';
import { KitchensRepository } from './kitchens.repository';
import { KitchensService } from './kitchens.service';

@Module({
  controllers: [KitchensController],
  providers: [KitchensService, KitchensRepository],
  exports: [KitchensRepository],
})
export class KitchensModule {}
