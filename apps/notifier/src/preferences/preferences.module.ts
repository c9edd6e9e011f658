import { Module } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository';
import { PreferencesController } from './preferences.controller';
import { PreferencesRepository } from './preferences.repository';
import { PreferencesService } from './preferences.service';

@Module({
  controllers: [PreferencesController],
  providers: [PreferencesService, PreferencesRepository, DirectoryRepository],
})
export class PreferencesModule {}
