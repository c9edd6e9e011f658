import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { serviceOrmOptions } from '@rasad/common';
import { OutboxMessage } from '@rasad/messaging';
import { Driver } from './drivers/driver.entity';
import { Migration20261130013916Base } from './migrations/Migration20261130013916Base';
import { Migration20261130013917Role } from './migrations/Migration20261130013917Role';
import { Migration20261130020000TransportLegs } from './migrations/Migration20261130020000TransportLegs';
import { Migration20261130020100TransportRosterProjection } from './migrations/Migration20261130020100TransportRosterProjection';
import { Migration20261130500000TransportOutboxTrace } from './migrations/Migration20261130500000TransportOutboxTrace';
import { PickupPoint } from './pickup-points/pickup-point.entity';
import { Trip } from './trips/trip.entity';
import { Vehicle } from './vehicles/vehicle.entity';

export const TRANSPORT_SCHEMA = 'transport';

export function transportOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: TRANSPORT_SCHEMA,
    // What is written through the unit of work (OutboxMessage: events recorded in the same flush as the change).
    entities: [Vehicle, Driver, PickupPoint, Trip, OutboxMessage],
    migrations: {
      Migration20261130013916Base,
      Migration20261130013917Role,
      Migration20261130020000TransportLegs,
      Migration20261130020100TransportRosterProjection,
      Migration20261130500000TransportOutboxTrace,
    },
  });
}
