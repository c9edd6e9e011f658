import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** How far a consuming service is behind the event stream. */
export class ConsumerStatusView {
  @ApiProperty({ example: 'briefings' }) service: string;
  @ApiProperty({ description: 'Events delivered to the service or waiting for it, not yet applied' })
  pending: number;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When this replica last applied a batch',
  })
  lastAppliedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the last event applied occurred',
  })
  lastEventOccurredAt: string | null;
  @ApiProperty({ description: 'Age of the oldest event not yet applied; 0 when nothing is pending' })
  secondsBehind: number;
  @ApiPropertyOptional({ description: 'Set instead of the figures when the service did not answer' })
  error?: string;
}

export class ConsumersStatusView {
  @ApiProperty({ description: 'Every consumer answered and none has an event pending' })
  caughtUp: boolean;
  @ApiProperty({ type: ConsumerStatusView, isArray: true })
  consumers: ConsumerStatusView[];
}

/** An answer built on a projection that is behind the events says so. */
export class ProjectionLagView {
  @ApiProperty({ description: 'Events not yet applied to the projections this answer read' })
  pending: number;
  @ApiProperty({ description: 'Age of the oldest of them, in seconds' })
  secondsBehind: number;
}

/** Each consuming service answers this for its own durable consumer. */
export const consumerStatusSubject = (service: string) => `${service}.consumer.status.v1` as const;
