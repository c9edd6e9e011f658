import { Module } from '@nestjs/common';
import { DemoKitchensService } from './demo-kitchens.service';

@Module({ providers: [DemoKitchensService] })
export class DemoModule {}
