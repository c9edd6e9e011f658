import { Module } from '@nestjs/common';
import { CsvImportService } from './csv-import.service';
import { ImportsController } from './imports.controller';

@Module({ controllers: [ImportsController], providers: [CsvImportService] })
export class ImportsRoutesModule {}
