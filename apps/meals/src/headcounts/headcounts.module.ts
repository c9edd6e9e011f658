import { Module } from '@nestjs/common';
import { HeadcountsController } from './headcounts.controller';
import { HeadcountsService } from './headcounts.service';

@Module({
  controllers: [HeadcountsController],
  providers: [HeadcountsService],
  exports: [HeadcountsService],
})
export class HeadcountsModule {}
