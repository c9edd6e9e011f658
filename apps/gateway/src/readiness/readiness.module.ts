import { Module } from '@nestjs/common';
import { ReadinessExportsController } from './readiness-exports.controller';
import { ReadinessNamesService } from './readiness-names.service';
import { ReadinessController } from './readiness.controller';

@Module({ controllers: [ReadinessExportsController, ReadinessController], providers: [ReadinessNamesService] })
export class ReadinessRoutesModule {}
