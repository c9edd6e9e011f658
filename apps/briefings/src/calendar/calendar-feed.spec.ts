import { PersonalCalendarRequest } from '@rasad/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CalendarEntry, renderCalendar, topicLabel } from './calendar-feed';
import { calendarPath, calendarTokenHash, newCalendarToken } from './calendar-tokens';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js');

const entry: CalendarEntry = {
  sessionId: '0190b0c0-0000-7000-8000-000000000001',
  title: 'Code of conduct, Haripur tehsil',
  topics: ['code_of_conduct', 'security_protocol'],
  venueName: 'Police Lines Hall',
  venueAddress: 'G.T. Road, Haripur',
  presenter: 'DSP Legal',
  startsAt: new Date('2027-02-05T05:00:00Z'),
  endsAt: new Date('2027-02-05T07:00:00Z'),
  sequence: 2,
  cancelled: false,
  modifiedAt: new Date('2027-02-01T09:30:00Z'),
};

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent') as any[];
}

describe('renderCalendar', () => {
  it('renders each session as an event with a stable UID, its SEQUENCE, times, place and topics', () => {
    const [event] = events(renderCalendar('Briefings', [entry]));
    expect(event.getFirstPropertyValue('uid')).toBe('0190b0c0-0000-7000-8000-000000000001@rasad');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(event.getFirstPropertyValue('dtstart').toJSDate()).toEqual(entry.startsAt);
    expect(event.getFirstPropertyValue('dtend').toJSDate()).toEqual(entry.endsAt);
    expect(event.getFirstPropertyValue('summary')).toBe(entry.title);
    expect(event.getFirstPropertyValue('location')).toBe('Police Lines Hall, G.T. Road, Haripur');
    expect(event.getFirstPropertyValue('description')).toBe(
      'Topics: Code of conduct, Security protocol\nPresenter: DSP Legal',
    );
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.getFirstPropertyValue('last-modified').toJSDate()).toEqual(entry.modifiedAt);
    expect(event.getFirstPropertyValue('dtstamp').toJSDate()).toEqual(entry.modifiedAt);
  });

  it('keeps a cancelled session, marked cancelled, with the reader’s note first', () => {
    const [event] = events(renderCalendar('Briefings', [{ ...entry, cancelled: true, note: 'You declined.' }]));
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('description')).toMatch(/^You declined\.\nTopics:/);
  });

  it('renders an empty calendar as a valid one', () => {
    const calendar = new ICAL.Component(ICAL.parse(renderCalendar('Nothing yet', [])));
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//rasad//briefings//EN');
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
  });

  it('labels topics for people', () => {
    expect(topicLabel('weapons_handling')).toBe('Weapons handling');
  });
});

describe('calendar tokens', () => {
  it('are 32 random bytes in base64url, accepted by the contract, and stored only as a SHA-256', () => {
    const token = newCalendarToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newCalendarToken()).not.toBe(token);
    expect(validateSync(plainToInstance(PersonalCalendarRequest, { token }))).toEqual([]);
    expect(calendarTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(calendarTokenHash(token)).not.toContain(token);
    expect(calendarPath(token)).toBe(`/api/v1/calendar/${token}.ics`);
  });
});
