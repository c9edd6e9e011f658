import { Module } from '@nestjs/common';
import { ReadinessNamesService } from './readiness-names.service';
import { ReadinessController } from './readiness.controller';

@Module({ controllers: [ReadinessController], providers: [ReadinessNamesService] })
export class ReadinessRoutesModule {}
