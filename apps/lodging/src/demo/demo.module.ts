import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

/** The Haripur demo's sites, rooms and beds. */
@Module({ providers: [DemoService, DemoRepository], exports: [DemoService] })
export class DemoModule {}
