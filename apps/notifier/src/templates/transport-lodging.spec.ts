import { smsSegments } from '../sms/segments';
import { BedFacts, RideFacts } from './notice-facts';
import { renderNotice } from './render';

const ride: RideFacts = {
  leg: 'outbound',
  postName: 'Govt. Primary School Haripur City',
  postCode: 'PS-HRP-001',
  pickupPointName: 'Police Lines Haripur',
  pickupAt: '2027-02-08T00:30:00.000Z',
};

const bed: BedFacts = {
  siteName: 'Govt. Degree College Haripur',
  address: 'Hattar Road, Haripur',
  roomName: 'Hall B',
  bedLabel: 'B-14',
  nights: ['2027-02-08', '2027-02-07'],
};

describe('transport notices', () => {
  it('tells a passenger going out where and when (local time) they are picked up, and for which post', () => {
    expect(renderNotice({ kind: 'transport_booked', ride }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: Transport to Govt. Primary School Haripur City (PS-HRP-001): pickup at Police Lines Haripur, Mon 8 Feb 2027, 05:30.',
    );
  });

  it('picks a passenger coming back up at their post, when the trip leaves it', () => {
    const back = { ...ride, leg: 'return' as const, pickupAt: '2027-02-08T15:30:00.000Z' };
    expect(renderNotice({ kind: 'transport_booked', ride: back }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: Back from Govt. Primary School Haripur City (PS-HRP-001) to Police Lines Haripur: pickup at your post, Mon 8 Feb 2027, 20:30.',
    );
  });

  it('says a cancelled seat is cancelled, in English and Urdu', () => {
    expect(renderNotice({ kind: 'transport_cancelled', ride }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: Transport cancelled: to Govt. Primary School Haripur City (PS-HRP-001), pickup Mon 8 Feb 2027, 05:30.',
    );
    const text = renderNotice({ kind: 'transport_cancelled', ride }, 'ur', 'Asia/Karachi');
    expect(text).toMatch(
      /^رسد: ٹرانسپورٹ منسوخ: Govt\. Primary School Haripur City \(PS-HRP-001\) جانے کے لیے، روانگی .*05:30۔$/,
    );
    expect(smsSegments(text).encoding).toBe('ucs2');
  });

  it('names no pickup point it was not told of', () => {
    const text = renderNotice({ kind: 'transport_booked', ride: { ...ride, pickupPointName: null } }, 'en', 'UTC');
    expect(text).toContain('pickup at your pickup point, Mon 8 Feb 2027, 00:30.');
  });

  it('stays GSM-7 in English whatever punctuation the pickup point was named with', () => {
    const typed = { ...ride, pickupPointName: 'Officers’ Mess – “Gate 2”' };
    const text = renderNotice({ kind: 'transport_booked', ride: typed }, 'en', 'Asia/Karachi');
    expect(smsSegments(text)).toMatchObject({ encoding: 'gsm7', segments: 1 });
  });
});

describe('lodging notices', () => {
  it('names the site, its address, the room, the bed and the nights, first to last', () => {
    expect(renderNotice({ kind: 'lodging_allocated', bed }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: Your lodging: Govt. Degree College Haripur, Hattar Road, Haripur, room Hall B, bed B-14; nights Sun 7 Feb 2027 to Mon 8 Feb 2027.',
    );
    expect(renderNotice({ kind: 'lodging_allocated', bed: { ...bed, nights: ['2027-02-07'] } }, 'en', 'UTC')).toContain(
      '; night Sun 7 Feb 2027.',
    );
  });

  it('keeps a night on its own date whatever the zone', () => {
    const night = { ...bed, nights: ['2027-02-07'] };
    for (const zone of ['Asia/Karachi', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      expect(renderNotice({ kind: 'lodging_no_show', bed: night }, 'en', zone)).toContain(
        'for night Sun 7 Feb 2027 is',
      );
    }
  });

  it('tells the person and their officer of a no-show release, in Urdu too', () => {
    const night = { ...bed, nights: ['2027-02-07'] };
    expect(renderNotice({ kind: 'lodging_no_show', bed: night }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: Not checked in by the cut-off: your bed at Govt. Degree College Haripur (room Hall B, bed B-14) for night Sun 7 Feb 2027 is released.',
    );
    const person = { name: 'Asif Khan', serviceNumber: 'HRP-04417' };
    expect(renderNotice({ kind: 'lodging_no_show_officer', bed: night, person }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: Asif Khan (HRP-04417) not checked in at Govt. Degree College Haripur by the cut-off: bed for night Sun 7 Feb 2027 released.',
    );
    const unnumbered = { name: 'Asif Khan', serviceNumber: '' };
    expect(renderNotice({ kind: 'lodging_no_show_officer', bed: night, person: unnumbered }, 'en', 'UTC')).toMatch(
      /^Rasad: Asif Khan not checked in at /,
    );
    expect(renderNotice({ kind: 'lodging_allocated', bed }, 'ur', 'Asia/Karachi')).toMatch(
      /^رسد: آپ کی رہائش: Govt\. Degree College Haripur، Hattar Road, Haripur، کمرہ Hall B، بستر B-14؛ رات: .*2027 تا .*2027۔$/,
    );
  });
});
