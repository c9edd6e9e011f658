import { NOTICE_KINDS, NoticeKind } from '@rasad/contracts';
import { smsSegments } from '../sms/segments';
import { BedFacts, DutyFacts, NoticeFacts, RideFacts, SessionFacts } from './notice-facts';
import { renderNotice } from './render';

// The longest names in the Haripur demo, and a district-level briefing: the worst case the demo sends.
const session: SessionFacts = {
  title: 'Code of conduct, Haripur tehsil',
  venueName: 'Govt. Higher Secondary School No. 1',
  venueAddress: 'G.T. Road, Haripur',
  startsAt: '2027-02-05T05:00:00.000Z',
};
const duty: DutyFacts = {
  postName: 'Govt. Boys Primary School Khalabat Township No. 2 (Combined)',
  postCode: 'PS-HRP-131',
  startsAt: '2027-02-08T06:00:00+05:00',
  endsAt: '2027-02-08T20:00:00+05:00',
};
const overnight: DutyFacts = {
  postName: "District Returning Officer's Office, District Courts Haripur",
  postCode: 'DRO-HRP-01',
  startsAt: '2027-02-08T20:00:00+05:00',
  endsAt: '2027-02-09T02:00:00+05:00',
};

const ride: RideFacts = {
  leg: 'outbound',
  postName: duty.postName,
  postCode: duty.postCode,
  pickupPointName: 'Police Lines Haripur',
  pickupAt: '2027-02-08T00:30:00.000Z',
};
const back: RideFacts = { ...ride, leg: 'return', pickupAt: '2027-02-08T15:30:00.000Z' };
const bed: BedFacts = {
  siteName: 'Govt. Degree College Haripur (Boys Hostel)',
  address: 'Hattar Road, Haripur',
  roomName: 'Hall B',
  bedLabel: 'B-14',
  nights: ['2027-02-07', '2027-02-08'],
};
const oneNight: BedFacts = { ...bed, nights: ['2027-02-07'] };

/** Each kind with demo-like facts, and the SMS parts its English text may take. */
const EXAMPLES: { [K in NoticeKind]?: { facts: NoticeFacts[]; segments: number } } = {
  calendar_link: {
    facts: [
      {
        kind: 'calendar_link',
        url: `https://rasad.haripur.police.gov.pk/api/v1/calendar/${'q3X9-vY_2kLmNoPqRsTuVwXyZ0123456789abcdefGH'}.ics`,
      },
    ],
    segments: 1,
  },
  briefing_invitation: { facts: [{ kind: 'briefing_invitation', session }], segments: 1 },
  briefing_rescheduled: {
    facts: [{ kind: 'briefing_rescheduled', session, previousStartsAt: '2027-02-04T05:00:00.000Z' }],
    // Two times and the whole address: 161 septets with this venue, one part with a shorter one.
    segments: 2,
  },
  briefing_cancelled: { facts: [{ kind: 'briefing_cancelled', session }], segments: 1 },
  briefing_invitation_cancelled: { facts: [{ kind: 'briefing_invitation_cancelled', session }], segments: 1 },
  briefing_reminder: { facts: [{ kind: 'briefing_reminder', session, offsetSeconds: 86_400 }], segments: 1 },
  duty_posted: {
    facts: [
      { kind: 'duty_posted', duty },
      { kind: 'duty_posted', duty: overnight },
    ],
    segments: 1,
  },
  duty_cancelled: {
    facts: [
      { kind: 'duty_cancelled', duty, reason: null },
      { kind: 'duty_cancelled', duty: overnight, reason: null },
    ],
    segments: 1,
  },
  duty_changed: {
    facts: [
      { kind: 'duty_changed', duty },
      { kind: 'duty_changed', duty: overnight },
    ],
    segments: 1,
  },
  meal_dispatched: {
    facts: [
      {
        kind: 'meal_dispatched',
        meal: {
          postName: duty.postName,
          postCode: duty.postCode,
          slot: 'breakfast',
          count: 120,
          dispatchedAt: '2027-02-08T01:45:00.000Z',
          dispatchedBy: 'Driver Aslam',
        },
      },
    ],
    segments: 1,
  },
  transport_booked: {
    facts: [
      { kind: 'transport_booked', ride },
      { kind: 'transport_booked', ride: back },
    ],
    segments: 1,
  },
  transport_cancelled: {
    facts: [
      { kind: 'transport_cancelled', ride },
      { kind: 'transport_cancelled', ride: back },
    ],
    segments: 1,
  },
  lodging_allocated: {
    facts: [
      { kind: 'lodging_allocated', bed },
      { kind: 'lodging_allocated', bed: oneNight },
    ],
    segments: 1,
  },
  lodging_no_show: { facts: [{ kind: 'lodging_no_show', bed: oneNight }], segments: 1 },
  lodging_no_show_officer: {
    facts: [
      {
        kind: 'lodging_no_show_officer',
        bed: oneNight,
        person: { name: 'Muhammad Asif Khan', serviceNumber: 'HRP-2011-04417' },
      },
    ],
    segments: 1,
  },
  readiness_digest: {
    facts: [
      {
        kind: 'readiness_digest',
        digest: {
          districtName: 'Haripur',
          assignments: 1200,
          ready: 1104,
          percentReady: 92,
          gaps: [],
          text:
            'Haripur: 92% ready (1104 of 1200 duties); 41 people at 12 posts without dinner on 8 Feb; ' +
            '30 people at 9 posts not fully briefed; 12 people at 4 posts without a bed on the night of 7 Feb.',
        },
      },
    ],
    segments: 2,
  },
};

describe('English notices on SMS', () => {
  it.each(NOTICE_KINDS)('%s is GSM-7 and fits its parts', (kind) => {
    const example = EXAMPLES[kind];
    if (!example) {
      throw new Error(`no example facts for ${kind}: add them to EXAMPLES`);
    }
    for (const facts of example.facts) {
      const text = renderNotice(facts, 'en', 'Asia/Karachi');
      expect({ text, ...smsSegments(text) }).toMatchObject({ text, encoding: 'gsm7', segments: example.segments });
    }
  });

  it('writes a duty window with a hyphen, not an en dash', () => {
    expect(renderNotice({ kind: 'duty_posted', duty }, 'en', 'Asia/Karachi')).toContain('Mon 8 Feb 2027, 06:00-20:00');
  });

  it('keeps typographic punctuation typed by an officer from turning the text into UCS-2', () => {
    const typed = { ...session, title: 'Code of conduct – “polling day”', venueName: 'Officers’ Mess…' };
    const text = renderNotice({ kind: 'briefing_invitation', session: typed }, 'en', 'Asia/Karachi');
    expect(text).toContain('"Code of conduct - "polling day"" on Fri 5 Feb 2027, 10:00 at Officers\' Mess...');
    expect(smsSegments(text)).toMatchObject({ encoding: 'gsm7', segments: 1 });
  });

  it('leaves Urdu as it is', () => {
    const text = renderNotice({ kind: 'duty_posted', duty }, 'ur', 'Asia/Karachi');
    expect(text).toContain('06:00 تا 20:00');
    expect(smsSegments(text).encoding).toBe('ucs2');
  });
});
