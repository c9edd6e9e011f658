import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { loadEnv } from '@rasad/common';
import { ChannelSender, OutgoingNotice } from '../channels/channel-sender';
import { NotifierEnv } from '../notifier.env';
import { DeliveryRepository, DueNoticeRecord } from './delivery.repository';
import { Dispatcher } from './dispatcher';

const PHONE = '+923001234567';

const due: DueNoticeRecord = {
  id: '01939a4e-0000-7000-8000-000000000001',
  eventId: '01939a4e-0000-7000-8000-000000000002',
  eventType: 'evt.roster.assignment.cancelled.v1',
  personnelId: '01939a4e-0000-7000-8000-000000000003',
  kind: 'duty_cancelled',
  channel: 'log',
  language: 'en',
  body: 'Rasad: Duty cancelled, do not report: Checkpoint Hattar (CP-HRP-01), Mon 8 Feb 2027, 06:00-20:00.',
  segments: 1,
  encoding: 'gsm7',
  attempts: 0,
  createdAt: new Date('2027-02-01T00:00:00Z'),
  phone: PHONE,
};

/** One round against a database stand-in that hands out `due` and keeps what the round records. */
async function roundWith(sender: ChannelSender, execute?: (sql: string, params: unknown[]) => unknown) {
  const recorded: string[] = [];
  const em = {
    execute: (sql: string, params: unknown[]) => {
      if (execute) {
        return execute(sql, params);
      }
      if (sql.includes('for update of n skip locked')) {
        return Promise.resolve([due]);
      }
      recorded.push(params[0] as string);
      return Promise.resolve([]);
    },
  };
  const orm = { em: { fork: () => ({ transactional: (work: (e: typeof em) => unknown) => work(em) }) } };
  const env = loadEnv(NotifierEnv, {});
  const dispatcher = new Dispatcher(orm as unknown as MikroORM, env, new DeliveryRepository(), [sender]);
  const failure = await dispatcher.dispatchRound().then(
    () => null,
    (error: Error) => error,
  );
  return { recorded, failure };
}

describe('Dispatcher', () => {
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warnings.mockRestore());

  const logged = () => JSON.stringify(warnings.mock.calls);

  it('keeps the phone out of the log line and the delivery log when a failed send quotes it', async () => {
    const sender: ChannelSender = {
      channel: 'log',
      send: (notice: OutgoingNotice) =>
        Promise.reject(new Error('request failed', { cause: new Error(`destination ${notice.phone} unreachable`) })),
    };
    const {
      recorded: [outcomes],
    } = await roundWith(sender);
    expect(JSON.parse(outcomes)).toEqual([
      expect.objectContaining({ status: 'pending', error: 'request failed: destination [phone] unreachable' }),
    ]);
    expect(logged()).toContain('notice not sent: request failed: destination [phone] unreachable');
    expect(logged()).not.toContain('3001234567');
  });

  it('fails a round the database refuses without quoting the phone (the polling worker logs that failure)', async () => {
    const sender: ChannelSender = { channel: 'log', send: () => Promise.resolve() };
    const { failure } = await roundWith(sender, () =>
      Promise.reject(new Error(`update "notifier"."notice" … '{"to":"${PHONE}"}' - connection terminated`)),
    );
    expect(failure?.message).toContain('[phone]');
    expect(failure?.message).not.toContain('3001234567');
  });
});
