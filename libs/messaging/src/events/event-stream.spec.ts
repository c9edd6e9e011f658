import { EVENT_STREAM, EVENT_STREAM_SUBJECTS } from '@rasad/contracts';
import { eventStreamConfig } from './event-stream';

describe('eventStreamConfig', () => {
  // rasad-events.stream.json is what the deploy step creates; the code publishes and consumes by the contracts.
  it('defines the stream the contracts name, on the subjects events are published to', () => {
    const config = eventStreamConfig(3);
    expect(config.name).toBe(EVENT_STREAM);
    expect(config.subjects).toEqual(EVENT_STREAM_SUBJECTS);
    expect(config.num_replicas).toBe(3);
  });
});
