import { EntityManager } from '@mikro-orm/postgresql';
import { EventEnvelope, PersonnelEvent } from '@rasad/contracts';
import { DirectoryConsumer } from './directory.consumer';
import { DirectoryRepository } from './directory.repository';

const person: PersonnelEvent = {
  id: '01939a4e-0000-7000-8000-000000000003',
  serviceNumber: 'HRP-77001',
  name: 'Asad Mehmood',
  rank: 'constable',
  unitId: '01939a4e-0000-7000-8000-000000000004',
  homeDistrictId: '01939a4e-0000-7000-8000-000000000005',
  phone: '+923007700101',
  gender: 'male',
  dietaryNeeds: [],
  travelMode: 'provided',
  language: 'ur',
  active: true,
  deactivatedAt: null,
  deactivationReason: null,
};

describe('DirectoryConsumer', () => {
  it('fails a recipient write without quoting the phone, as the consumer logs and dead-letters the error', async () => {
    const em = {
      upsert: (_entity: unknown, row: { phone: string }) =>
        Promise.reject(new Error(`insert into "notifier"."recipient" values ('${row.phone}') - deadlock detected`)),
    };
    const failure = new DirectoryConsumer(new DirectoryRepository()).personnel(
      person,
      {} as EventEnvelope,
      em as unknown as EntityManager,
    );
    await expect(failure).rejects.toThrow(`insert into "notifier"."recipient" values ('[phone]') - deadlock detected`);
  });

  it('keeps the home district, which puts the person in a district officer’s scope', async () => {
    const upsert = jest.fn().mockResolvedValue(undefined);
    await new DirectoryConsumer(new DirectoryRepository()).personnel(
      person,
      {} as EventEnvelope,
      { upsert } as unknown as EntityManager,
    );
    expect(upsert.mock.calls[0][1]).toMatchObject({ id: person.id, homeDistrictId: person.homeDistrictId });
  });
});
