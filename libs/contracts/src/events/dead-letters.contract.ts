import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { QueryFlag } from '../common.dto';
import { PageQuery } from '../pagination';

export class ListDeadLettersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this consuming service (default: all)' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{1,30}$/)
  service?: string;

  @QueryFlag('Also list those already replayed')
  includeReplayed?: boolean;
}

export class DeadLetterServiceQuery {
  @ApiPropertyOptional({ description: 'The consuming service (default: whichever holds the id)' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{1,30}$/)
  service?: string;
}

export class DeadLetterView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() service: string;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty() subject: string;
  @ApiProperty({ type: Object }) envelope: unknown;
  @ApiProperty() error: string;
  @ApiProperty() deliveries: number;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) replayedAt: string | null;
}

/** Each consuming service answers these for its own dead letters. */
export const deadLetterSubjects = (service: string) =>
  ({
    list: `${service}.dead-letter.list.v1`,
    replay: `${service}.dead-letter.replay.v1`,
  }) as const;
