import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { RosterEnv } from '../roster.env';
import { RosterEvents } from '@rasad/contracts';
import { NewEvent, Outbox } from '@rasad/messaging';
import { HaripurDemo, buildHaripurDemo } from './haripur-demo';

type Column = [key: string, sqlType: string];

const TABLES: { table: string; source: keyof ReturnType<typeof buildHaripurDemo>; columns: Column[] }[] = [
  {
    table: 'district',
    source: 'districts',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['province', 'text'],
    ],
  },
  {
    table: 'tehsil',
    source: 'tehsils',
    columns: [
      ['id', 'uuid'],
      ['districtId', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
    ],
  },
  {
    table: 'police_station',
    source: 'policeStations',
    columns: [
      ['id', 'uuid'],
      ['districtId', 'uuid'],
      ['tehsilId', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
    ],
  },
  {
    table: 'unit',
    source: 'units',
    columns: [
      ['id', 'uuid'],
      ['districtId', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['force', 'text'],
    ],
  },
  {
    table: 'post',
    source: 'posts',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['category', 'text'],
      ['districtId', 'uuid'],
      ['tehsilId', 'uuid'],
      ['policeStationId', 'uuid'],
      ['latitude', 'float8'],
      ['longitude', 'float8'],
      ['remote', 'boolean'],
    ],
  },
  {
    table: 'personnel',
    source: 'personnel',
    columns: [
      ['id', 'uuid'],
      ['serviceNumber', 'text'],
      ['name', 'text'],
      ['rank', 'text'],
      ['unitId', 'uuid'],
      ['homeDistrictId', 'uuid'],
      ['cnic', 'text'],
      ['phone', 'text'],
      ['gender', 'text'],
      ['dietaryNeeds', 'text[]'],
      ['travelMode', 'text'],
      ['language', 'text'],
    ],
  },
  {
    table: 'duty_assignment',
    source: 'assignments',
    columns: [
      ['id', 'uuid'],
      ['personnelId', 'uuid'],
      ['postId', 'uuid'],
      ['role', 'text'],
      ['startsAt', 'timestamptz'],
      ['endsAt', 'timestamptz'],
      ['phase', 'text'],
      ['status', 'text'],
    ],
  },
];

const CHUNK = 5000;
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Loads the deterministic Haripur demo district; the roster's own constraints check it on the way in. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly env: RosterEnv,
    private readonly outbox: Outbox,
  ) {}

  async loadHaripur({ onlyIfEmpty }: { onlyIfEmpty: boolean }): Promise<{ loaded: boolean }> {
    const em = this.em.fork();
    const [{ districts }] = await em.execute<{ districts: number }[]>(
      'select count(*)::int as districts from roster.district',
    );
    if (districts > 0) {
      if (!onlyIfEmpty) {
        this.logger.warn('the roster already has districts; demo data is loaded only into an empty roster');
      }
      return { loaded: false };
    }
    const demo = buildHaripurDemo();
    await em.transactional(async (tx) => {
      for (const { table, source, columns } of TABLES) {
        const rows = demo[source] as object[];
        const targets = columns.map(([key]) => snake(key)).join(', ');
        const keys = columns.map(([key]) => `"${key}"`).join(', ');
        const shape = columns.map(([key, type]) => `"${key}" ${type}`).join(', ');
        for (let i = 0; i < rows.length; i += CHUNK) {
          await tx.execute(
            `insert into roster.${table} (${targets}) select ${keys} from jsonb_to_recordset(?::jsonb) as r(${shape})`,
            [JSON.stringify(rows.slice(i, i + CHUNK))],
          );
        }
      }
      // Every other service learns the demo roster the way it learns any roster: from its events.
      await this.outbox.insertMany(tx, demoEvents(demo));
    });
    this.logger.log(
      {
        posts: demo.posts.length,
        personnel: demo.personnel.length,
        assignments: demo.assignments.length,
        zone: this.env.RASAD_TIME_ZONE,
      },
      'loaded the Haripur demo district',
    );
    return { loaded: true };
  }
}

function demoEvents(demo: HaripurDemo): NewEvent[] {
  return [
    ...demo.posts.map((post): NewEvent => ({
      subject: RosterEvents.postCreated,
      aggregateId: post.id,
      payload: post,
    })),
    ...demo.personnel.map(({ cnic: _cnic, ...person }): NewEvent => ({
      subject: RosterEvents.personnelRegistered,
      aggregateId: person.id,
      payload: { ...person, active: true, deactivatedAt: null, deactivationReason: null },
    })),
    ...demo.assignments.map((duty): NewEvent => ({
      subject: RosterEvents.assignmentCreated,
      aggregateId: duty.id,
      payload: {
        ...duty,
        startsAt: new Date(duty.startsAt).toISOString(),
        endsAt: new Date(duty.endsAt).toISOString(),
      },
    })),
  ];
}
