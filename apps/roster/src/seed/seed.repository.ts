import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { HaripurDemo } from './haripur-demo';

type Column = [key: string, sqlType: string];

const TABLES: { table: string; source: keyof HaripurDemo; columns: Column[] }[] = [
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

/** The demo roster's SQL: it goes in table by table, as JSON recordsets, past the roster's own constraints. */
@Injectable()
export class SeedRepository {
  async districtCount(em: EntityManager): Promise<number> {
    const [{ districts }] = await em.execute<{ districts: number }[]>(
      'select count(*)::int as districts from roster.district',
    );
    return districts;
  }

  /** Every record of the demo, parents before children; `em` is the loading transaction's. */
  async insert(em: EntityManager, demo: HaripurDemo): Promise<void> {
    for (const { table, source, columns } of TABLES) {
      const rows = demo[source] as object[];
      const targets = columns.map(([key]) => snake(key)).join(', ');
      const keys = columns.map(([key]) => `"${key}"`).join(', ');
      const shape = columns.map(([key, type]) => `"${key}" ${type}`).join(', ');
      for (let i = 0; i < rows.length; i += CHUNK) {
        await em.execute(
          `insert into roster.${table} (${targets}) select ${keys} from jsonb_to_recordset(?::jsonb) as r(${shape})`,
          [JSON.stringify(rows.slice(i, i + CHUNK))],
        );
      }
    }
  }
}
