import { Module } from '@nestjs/common';
import { DemoFleetRepository } from './demo-fleet.repository';
import { DemoFleetService } from './demo-fleet.service';

@Module({ providers: [DemoFleetService, DemoFleetRepository], exports: [DemoFleetService] })
export class DemoModule {}
