import { EVENT_STREAM } from '@rasad/contracts';
import { JetStreamManager, RetentionPolicy, StorageType, StreamConfig, nanos } from 'nats';
// One definition for the deploy step (scripts/nats-setup.js) and for a developer's services that create it themselves.
import definition from './rasad-events.stream.json';

export const DUPLICATE_WINDOW_MS = definition.duplicate_window_ms;
/** Long enough for a service deployed late in the election cycle to build its projections from history. */
export const EVENT_RETENTION_MS = definition.max_age_ms;

/** RASAD_EVENTS as rasad-events.stream.json defines it: file storage, a two-minute duplicate window. */
export function eventStreamConfig(replicas = 1): Partial<StreamConfig> & { name: string } {
  return {
    name: definition.name,
    subjects: definition.subjects,
    storage: definition.storage as StorageType,
    retention: definition.retention as RetentionPolicy,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    max_age: nanos(EVENT_RETENTION_MS),
    num_replicas: replicas,
  };
}

/**
 * Creates RASAD_EVENTS or brings an existing one up to date. Only where no NATS user is configured (a developer's
 * broker, the tests): under credentials the services may not manage the stream, and the deploy step does.
 */
export async function ensureEventStream(jsm: JetStreamManager, replicas = 1): Promise<void> {
  const config = eventStreamConfig(replicas);
  try {
    const existing = await jsm.streams.info(EVENT_STREAM);
    const current = existing.config;
    if (
      current.duplicate_window < config.duplicate_window! ||
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

/** Under credentials: the stream must already exist, made by the deploy step with the NATS admin user. */
export async function requireEventStream(jsm: JetStreamManager): Promise<void> {
  try {
    await jsm.streams.info(EVENT_STREAM);
  } catch (error) {
    if ((error as { code?: string }).code === '404') {
      throw new Error(
        `the JetStream stream ${EVENT_STREAM} does not exist: run \`node scripts/nats-setup.js\` with the NATS ` +
          'admin user first (docker compose runs it as the nats-setup service)',
        { cause: error },
      );
    }
    throw error;
  }
}
