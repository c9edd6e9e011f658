import { Module } from '@nestjs/common';
import { ReadinessFeed } from './readiness-feed.service';
import { ReadinessStreamController } from './readiness-stream.controller';

@Module({ controllers: [ReadinessStreamController], providers: [ReadinessFeed] })
export class ReadinessStreamModule {}
