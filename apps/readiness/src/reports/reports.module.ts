import { Module } from '@nestjs/common';
import { FreshnessService } from './freshness.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({ controllers: [ReportsController], providers: [ReportsService, ReportsRepository, FreshnessService] })
export class ReportsModule {}
