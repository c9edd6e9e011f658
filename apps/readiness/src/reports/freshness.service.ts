import { Injectable } from '@nestjs/common';
import { EVENT_STREAM, READINESS_SOURCES, ReadinessFreshnessView } from '@rasad/contracts';
import { EventConsumer, EventsConnection } from '@rasad/messaging';
import { ReportsRepository } from './reports.repository';

/**
 * Up to when each source service is reflected: its last event applied by `at` and when, and how many of its events
 * (of the subjects readiness handles) the stream holds that readiness has not applied, against the stream's own count
 * per subject. The age is the consumer's: readiness applies one stream in order, so its oldest unapplied event is as
 * old for every source that is behind.
 */
@Injectable()
export class FreshnessService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly consumer: EventConsumer,
    private readonly connection: EventsConnection,
  ) {}

  async freshness(at: Date | null): Promise<ReadinessFreshnessView[]> {
    const [applied, inStream, status] = await Promise.all([
      this.reports.applied(at),
      this.streamCounts(),
      this.consumer.status(),
    ]);
    const handled = new Set(this.consumer.subjects);
    return READINESS_SOURCES.map((service) => {
      const mine = applied.filter((row) => row.service === service);
      const appliedBySubject = new Map(mine.map((row) => [row.subject, row.events]));
      const behindEvents = Object.entries(inStream)
        .filter(([subject]) => handled.has(subject) && subject.split('.')[1] === service)
        .reduce((sum, [subject, count]) => sum + Math.max(0, count - (appliedBySubject.get(subject) ?? 0)), 0);
      const latest = (values: string[]) => (values.length > 0 ? new Date(values.sort().at(-1)!).toISOString() : null);
      return {
        service,
        lastEventAt: latest(mine.map((row) => new Date(row.last_event_at).toISOString())),
        appliedAt: latest(mine.map((row) => new Date(row.applied_at).toISOString())),
        behindEvents,
        behindSeconds: behindEvents > 0 ? status.secondsBehind : 0,
      };
    });
  }

  private async streamCounts(): Promise<Record<string, number>> {
    const { jsm } = await this.connection.get();
    const info = await jsm.streams.info(EVENT_STREAM, { subjects_filter: 'evt.>' });
    return info.state.subjects ?? {};
  }
}
