import { IsString } from 'class-validator';
import { EventSubjects } from './events/event-subjects';
import { PersonnelEvent } from './events/roster-events';
import { eventPayloadClassOf, queueGroupOf, registerServiceContract } from './service-contract';

class TrayServedEvent {
  @IsString()
  trayId: string;
}

describe('service contracts', () => {
  beforeAll(() => {
    registerServiceContract({
      service: 'tray-desk',
      queue: 'tray-desk-queue',
      events: { 'evt.tray-desk.tray.served.v1': TrayServedEvent },
    });
  });

  it("finds a registered service's queue group, and the older services' from QueueGroups", () => {
    expect(queueGroupOf('tray-desk')).toBe('tray-desk-queue');
    expect(queueGroupOf('notifier')).toBe('notifier');
  });

  it('names the missing export when a service has no contract', () => {
    expect(() => queueGroupOf('lodging')).toThrow('no contract for service lodging');
    expect(() => queueGroupOf('constructor')).toThrow('no contract for service constructor');
  });

  it("finds a registered event's payload class, and the older events' from EventPayloads", () => {
    expect(eventPayloadClassOf('evt.tray-desk.tray.served.v1')).toBe(TrayServedEvent);
    expect(eventPayloadClassOf(EventSubjects.personnelRegistered)).toBe(PersonnelEvent);
    expect(eventPayloadClassOf('evt.tray-desk.tray.lost.v1')).toBeUndefined();
    expect(eventPayloadClassOf('constructor')).toBeUndefined();
  });

  it('refuses a service declared twice, or one of the older services', () => {
    expect(() => registerServiceContract({ service: 'tray-desk', queue: 'other' })).toThrow('declared twice');
    expect(() => registerServiceContract({ service: 'roster', queue: 'roster' })).toThrow('declared twice');
  });

  it("refuses an event subject that is another service's", () => {
    expect(() =>
      registerServiceContract({
        service: 'cup-desk',
        queue: 'cup-desk',
        events: { 'evt.roster.cup.v1': TrayServedEvent },
      }),
    ).toThrow('is not the cup-desk service');
  });
});
