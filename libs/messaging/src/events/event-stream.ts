import { EVENT_STREAM, EVENT_STREAM_SUBJECTS } from '@rasad/contracts';
import { JetStreamManager, RetentionPolicy, StorageType, nanos } from 'nats';

export const DUPLICATE_WINDOW_MS = 2 * 60_000;
/** Long enough for a service deployed late in the election cycle to build its projections from history. */
export const EVENT_RETENTION_MS = 90 * 24 * 3600_000;

/** Creates RASAD_EVENTS (file storage, a two-minute duplicate window) or brings an existing one up to date. */
export async function ensureEventStream(jsm: JetStreamManager, replicas = 1): Promise<void> {
  const config = {
    name: EVENT_STREAM,
    subjects: EVENT_STREAM_SUBJECTS,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_age: nanos(EVENT_RETENTION_MS),
    num_replicas: replicas,
  };
  try {
    const existing = await jsm.streams.info(EVENT_STREAM);
    const current = existing.config;
    if (
      current.duplicate_window < config.duplicate_window ||
      current.num_replicas !== replicas ||
      current.max_age !== config.max_age
    ) {
      await jsm.streams.update(EVENT_STREAM, {
        ...current,
        duplicate_window: config.duplicate_window,
        max_age: config.max_age,
        num_replicas: replicas,
      });
    }
  } catch (error) {
    if ((error as { code?: string }).code !== '404') {
      throw error;
    }
    try {
      await jsm.streams.add(config);
    } catch (raced) {
      // Another service created it between our look and our add.
      if (!/already in use/i.test((raced as Error).message)) {
        throw raced;
      }
    }
  }
}
