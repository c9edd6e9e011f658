import { Module } from '@nestjs/common';
import { ReadinessFeed } from './readiness-feed.service';
import { ReadinessStreamController } from './readiness-stream.controller';
import { ReadinessStreams } from './readiness-streams.service';

@Module({ controllers: [ReadinessStreamController], providers: [ReadinessFeed, ReadinessStreams] })
export class ReadinessStreamModule {}
