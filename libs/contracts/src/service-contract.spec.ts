import { IsString } from 'class-validator';
// The library's index, as a service imports it: every service's folder has registered its contract.
import { eventPayloadClassOf, PersonnelEvent, queueGroupOf, registerServiceContract, RosterEvents } from './index';

class TrayServedEvent {
  @IsString()
  trayId: string;
}

class TrayLostEvent {
  @IsString()
  reason: string;
}

// A service declares its events as the template's folder does; the `@ts-expect-error` lines below are the test that
// matters for the types: `npx tsc --noEmit` fails if any of them compiles.
declare module './events/event-map' {
  interface EventMap {
    'evt.tray-desk.tray.served.v1': TrayServedEvent;
  }
}

describe('service contracts', () => {
  beforeAll(() => {
    registerServiceContract({
      service: 'tray-desk',
      queue: 'tray-desk-queue',
      events: { 'evt.tray-desk.tray.served.v1': TrayServedEvent },
    });
  });

  it("finds a service's queue group, registered by its contracts folder", () => {
    expect(queueGroupOf('tray-desk')).toBe('tray-desk-queue');
    expect(queueGroupOf('roster')).toBe('roster');
    expect(queueGroupOf('briefings')).toBe('briefings');
    expect(queueGroupOf('notifier')).toBe('notifier');
  });

  it('names the missing export when a service has no contract', () => {
    expect(() => queueGroupOf('payroll')).toThrow('no contract for service payroll');
    expect(() => queueGroupOf('constructor')).toThrow('no contract for service constructor');
  });

  it("finds an event's payload class, whichever service registered it", () => {
    expect(eventPayloadClassOf('evt.tray-desk.tray.served.v1')).toBe(TrayServedEvent);
    expect(eventPayloadClassOf(RosterEvents.personnelRegistered)).toBe(PersonnelEvent);
    expect(eventPayloadClassOf('evt.tray-desk.tray.lost.v1')).toBeUndefined();
    expect(eventPayloadClassOf('constructor')).toBeUndefined();
  });

  it('refuses a service declared twice', () => {
    expect(() =>
      registerServiceContract({
        service: 'tray-desk',
        queue: 'other',
        events: { 'evt.tray-desk.tray.served.v1': TrayServedEvent },
      }),
    ).toThrow('declared twice');
    expect(() => registerServiceContract({ service: 'notifier', queue: 'notifier', events: {} })).toThrow(
      'declared twice',
    );
  });

  it("refuses an event subject that is another service's", () => {
    expect(() =>
      registerServiceContract({
        service: 'cup-desk',
        queue: 'cup-desk',
        // @ts-expect-error the roster's event is not the cup desk's to declare
        events: { [RosterEvents.postCreated]: TrayServedEvent },
      }),
    ).toThrow('is not the cup-desk service');
  });

  it('does not compile without a class for every declared event, nor with the wrong class', () => {
    // @ts-expect-error evt.tray-desk.tray.served.v1 is in EventMap, so its class must be registered
    const missing = () => registerServiceContract({ service: 'tray-desk', queue: 'tray-desk', events: {} });
    const wrong = () =>
      registerServiceContract({
        service: 'tray-desk',
        queue: 'tray-desk',
        // @ts-expect-error a lost tray is not a served tray
        events: { 'evt.tray-desk.tray.served.v1': TrayLostEvent },
      });
    const undeclared = () =>
      registerServiceContract({
        service: 'tray-desk',
        queue: 'tray-desk',
        // @ts-expect-error an event not in EventMap: nothing would type-check what is published under it
        events: { 'evt.tray-desk.tray.served.v1': TrayServedEvent, 'evt.tray-desk.tray.lost.v1': TrayLostEvent },
      });
    // Declared twice, they throw at run time too.
    for (const register of [missing, wrong, undeclared]) {
      expect(register).toThrow('declared twice');
    }
  });
});
