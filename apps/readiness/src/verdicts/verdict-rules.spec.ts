import { JudgeContext, JudgedDuty, MealSlotFacts, PersonFacts, dietaryKinds, judge, slotKey } from './verdict-rules';

const ZONE = 'Asia/Karachi';
// 8 Feb 2027, 06:00–12:00 in Haripur: breakfast, a night before (starts before 08:00), legs by 05:30 and after 12:00.
const duty: JudgedDuty = {
  id: 'd1',
  personnelId: 'p1',
  postId: 'post-1',
  postCode: 'PS-HRP-012',
  districtId: 'haripur',
  tehsilId: 't',
  policeStationId: 'ps',
  postRemote: false,
  unitId: null,
  homeDistrictId: 'haripur',
  travelMode: 'provided',
  phase: 'poll_day',
  startsAt: new Date('2027-02-08T06:00:00+05:00'),
  endsAt: new Date('2027-02-08T12:00:00+05:00'),
};

const person = (facts: Partial<PersonFacts> = {}): PersonFacts => ({
  duties: [{ id: duty.id, postId: duty.postId, startsAt: duty.startsAt, endsAt: duty.endsAt }],
  attendance: [],
  bookings: [],
  nights: new Set(),
  ...facts,
});

const context = (facts: Partial<PersonFacts> = {}, slots: [string, MealSlotFacts][] = []): JudgeContext => ({
  timeZone: ZONE,
  person: person(facts),
  mealSlots: new Map(slots),
});

const breakfast = slotKey('post-1', '2027-02-08', 'breakfast');
const codes = (ctx: JudgeContext, d: JudgedDuty = duty) => judge(d, ctx).missing.map((m) => m.code);

describe('judge', () => {
  it('counts a briefing only when attended before the duty starts, with the code of conduct acknowledged', () => {
    const attended = (endsAt: string, ack: string | null) => ({
      status: 'present',
      topics: ['code_of_conduct' as const, 'security_protocol' as const],
      endsAt: new Date(endsAt),
      codeOfConductAcknowledgedAt: ack ? new Date(ack) : null,
    });
    expect(
      judge(duty, context({ attendance: [attended('2027-02-05T12:00:00+05:00', '2027-02-05T12:00:00+05:00')] })).checks
        .briefed,
    ).toBe(true);
    expect(
      codes(context({ attendance: [attended('2027-02-08T07:00:00+05:00', '2027-02-08T07:00:00+05:00')] })),
    ).toEqual(expect.arrayContaining(['briefed.topic:code_of_conduct', 'briefed.code_of_conduct_acknowledged']));
    expect(codes(context({ attendance: [attended('2027-02-05T12:00:00+05:00', null)] }))).toContain(
      'briefed.code_of_conduct_acknowledged',
    );
    const absent = { ...attended('2027-02-05T12:00:00+05:00', null), status: 'absent' };
    expect(codes(context({ attendance: [absent] }))).toContain('briefed.topic:security_protocol');
  });

  it('needs a ride there by 30 minutes before and back after, unless the person travels on their own', () => {
    const missing = judge(duty, context()).missing.filter((m) => m.check === 'transported');
    expect(missing.map((m) => m.text)).toEqual([
      'no outbound leg to PS-HRP-012 arriving by 05:30 on 8 Feb',
      'no return leg from PS-HRP-012 after 12:00 on 8 Feb',
    ]);
    const bookings = [
      {
        postId: 'post-1',
        leg: 'outbound' as const,
        stopArrivesAt: new Date('2027-02-08T05:30:00+05:00'),
        stopDepartsAt: new Date('2027-02-08T05:35:00+05:00'),
      },
      {
        postId: 'post-1',
        leg: 'return' as const,
        stopArrivesAt: new Date('2027-02-08T12:00:00+05:00'),
        stopDepartsAt: new Date('2027-02-08T12:00:00+05:00'),
      },
    ];
    expect(judge(duty, context({ bookings })).checks.transported).toBe(true);
    const late = [{ ...bookings[0], stopArrivesAt: new Date('2027-02-08T05:31:00+05:00') }, bookings[1]];
    expect(judge(duty, context({ bookings: late })).checks.transported).toBe(false);
    expect(judge({ ...duty, travelMode: 'self' }, context()).checks.transported).toBe(true);
  });

  it('needs a bed for each night only when from another district or posted remote', () => {
    expect(judge(duty, context()).checks.lodged).toBe(true);
    const away = { ...duty, homeDistrictId: 'abbottabad' };
    expect(
      judge(away, context())
        .missing.filter((m) => m.check === 'lodged')
        .map((m) => m.text),
    ).toEqual(['no bed for the night of 7 Feb']);
    expect(judge(away, context({ nights: new Set(['2027-02-07']) })).checks.lodged).toBe(true);
    expect(codes(context(), { ...duty, postRemote: true })).toContain('lodged.night:2027-02-07');
  });

  it('is fed when a plan counts everyone; a short plan leaves out the last posted, dietary counts alike', () => {
    expect(judge(duty, context()).missing.find((m) => m.check === 'fed')?.text).toBe(
      'no breakfast plan on 8 Feb at PS-HRP-012',
    );
    const people = [
      { personnelId: 'p0', dietaryKinds: ['diabetic'] },
      { personnelId: 'p1', dietaryKinds: ['diabetic'] },
      { personnelId: 'p2', dietaryKinds: [] },
    ];
    const plan = (count: number, diabetic: number) => ({ count, dietary: { diabetic } });
    expect(judge(duty, context({}, [[breakfast, { plan: plan(3, 2), people }]])).checks.fed).toBe(true);
    // Short by one: p2, the last posted, misses out, not p1.
    expect(judge(duty, context({}, [[breakfast, { plan: plan(2, 2), people }]])).checks.fed).toBe(true);
    const short = judge(duty, context({}, [[breakfast, { plan: plan(1, 2), people }]]));
    expect(short.missing.find((m) => m.check === 'fed')?.text).toBe(
      'no breakfast counted for you on 8 Feb at PS-HRP-012: plan for 1, 3 posted',
    );
    const diet = judge(duty, context({}, [[breakfast, { plan: plan(3, 1), people }]]));
    expect(diet.missing.filter((m) => m.check === 'fed').map((m) => m.code)).toEqual([
      'fed.dietary:2027-02-08:breakfast:diabetic',
    ]);
  });

  it('reads dietary needs as meals tallies them', () => {
    expect(dietaryKinds(['Diabetic', 'other: no nuts', 'other: halal only'])).toEqual(['diabetic', 'other']);
    expect(dietaryKinds(null)).toEqual([]);
  });
});
