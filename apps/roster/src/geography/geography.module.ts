import { Module } from '@nestjs/common';
import { GeographyController } from './geography.controller';
import { GeographyRepository } from './geography.repository';
import { GeographyService } from './geography.service';

@Module({ controllers: [GeographyController], providers: [GeographyService, GeographyRepository] })
export class GeographyModule {}
