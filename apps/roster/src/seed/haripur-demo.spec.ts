import { DemoAssignment, DemoPost, HaripurDemo, MOTOR_TRANSPORT_DRIVERS, buildHaripurDemo } from './haripur-demo';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_PKT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/;

function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

function expectUnique(values: string[]): void {
  const seen = new Set<string>();
  const duplicates = values.filter((value) => seen.size === seen.add(value).size);
  expect(duplicates).toEqual([]);
}

function byPerson(assignments: DemoAssignment[]): Map<string, DemoAssignment[]> {
  const map = new Map<string, DemoAssignment[]>();
  for (const assignment of assignments) {
    map.set(assignment.personnelId, [...(map.get(assignment.personnelId) ?? []), assignment]);
  }
  return map;
}

describe('buildHaripurDemo', () => {
  let demo: HaripurDemo;
  let postsById: Map<string, DemoPost>;
  const pollingStations = () => demo.posts.filter((p) => p.kind === 'polling_station');

  beforeAll(() => {
    demo = buildHaripurDemo();
    postsById = new Map(demo.posts.map((p) => [p.id, p]));
  });

  it('gives the same data on every call, in well under a second', () => {
    const started = performance.now();
    const again = buildHaripurDemo();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(again).toEqual(demo);
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  it('describes Haripur with its three tehsils, a dozen police stations and the neighbouring home districts', () => {
    expect(demo.districts[0]).toMatchObject({ code: 'HRP', name: 'Haripur', province: 'Khyber Pakhtunkhwa' });
    expect(demo.districts.map((d) => d.code)).toContain('ABT');
    expect(demo.tehsils.map((t) => t.name)).toEqual(['Haripur', 'Ghazi', 'Khanpur']);
    expect(demo.policeStations.length).toBeGreaterThanOrEqual(10);
    expect(demo.policeStations.length).toBeLessThanOrEqual(14);
    const tehsilsWithStations = new Set(demo.policeStations.map((s) => s.tehsilId));
    expect(tehsilsWithStations.size).toBe(3);
  });

  it('has about 300 polling stations and the other duty posts', () => {
    const count = (kind: DemoPost['kind']) => demo.posts.filter((p) => p.kind === kind).length;
    expect(count('polling_station')).toBeGreaterThanOrEqual(280);
    expect(count('polling_station')).toBeLessThanOrEqual(320);
    expect(count('checkpoint')).toBeGreaterThanOrEqual(18);
    expect(count('checkpoint')).toBeLessThanOrEqual(22);
    expect(count('strong_room')).toBe(1);
    expect(count('dro_office')).toBe(1);
    expect(count('control_room')).toBe(1);
    expect(count('qrf_post')).toBe(3);
    expect(new Set(pollingStations().map((p) => p.policeStationId)).size).toBe(demo.policeStations.length);
  });

  it('splits polling stations roughly A 15%, B 35%, C 50%, and categorises nothing else', () => {
    const stations = pollingStations();
    expect(share(stations, (p) => p.category === 'A')).toBeCloseTo(0.15, 1);
    expect(share(stations, (p) => p.category === 'B')).toBeCloseTo(0.35, 1);
    expect(share(stations, (p) => p.category === 'C')).toBeCloseTo(0.5, 1);
    expect(demo.posts.filter((p) => p.kind !== 'polling_station').every((p) => p.category === null)).toBe(true);
    for (const station of stations) {
      expect(station.code).toMatch(/^PS-HRP-\d{3}$/);
      expect(station.name).toMatch(/ \((Male|Female|Combined)\)$/);
    }
  });

  it('places posts around Haripur and flags hill posts in Ghazi and Khanpur as remote', () => {
    for (const post of demo.posts) {
      expect(post.latitude).toBeGreaterThanOrEqual(33.8);
      expect(post.latitude).toBeLessThanOrEqual(34.2);
      expect(post.longitude).toBeGreaterThanOrEqual(72.6);
      expect(post.longitude).toBeLessThanOrEqual(73.2);
    }
    const remoteTehsils = new Set(demo.posts.filter((p) => p.remote).map((p) => p.tehsilId));
    const tehsilId = (name: string) => demo.tehsils.find((t) => t.name === name)?.id;
    expect(remoteTehsils).toContain(tehsilId('Ghazi'));
    expect(remoteTehsils).toContain(tehsilId('Khanpur'));
    expect(share(demo.posts, (p) => p.remote)).toBeLessThan(0.3);
  });

  it('enlists about 2,000 personnel with plausible, valid and unique identities', () => {
    const { personnel } = demo;
    expect(personnel.length).toBeGreaterThanOrEqual(1800);
    expect(personnel.length).toBeLessThanOrEqual(2200);
    expect(share(personnel, (p) => p.rank === 'constable')).toBeGreaterThan(0.5);
    for (const person of personnel) {
      expect(person.cnic).toMatch(/^\d{5}-\d{7}-\d$/);
      expect(person.cnic[0]).toBe('1');
      expect(person.phone).toMatch(/^\+923\d{9}$/);
      expect(person.serviceNumber).toMatch(/^(HRP|HRP-MT|ABT|FC|VOL)-\d{4,6}$/);
      expect(person.dietaryNeeds.every((need) => /^(diabetic|vegetarian|other:.+)$/.test(need))).toBe(true);
    }
    expectUnique(personnel.map((p) => p.serviceNumber));
    expectUnique(personnel.map((p) => p.cnic));
    expectUnique(personnel.map((p) => p.phone));
    expect(share(personnel, (p) => p.dietaryNeeds.length === 0)).toBeGreaterThan(0.8);
    expect(share(personnel, (p) => p.travelMode === 'provided')).toBeGreaterThan(0.8);
    expect(share(personnel, (p) => p.language === 'ur')).toBeGreaterThan(0.8);
  });

  it('brings about 10% from outside the district, the Abbottabad reinforcement among them', () => {
    const haripurId = demo.districts[0].id;
    const outside = share(demo.personnel, (p) => p.homeDistrictId !== haripurId);
    expect(outside).toBeGreaterThan(0.07);
    expect(outside).toBeLessThan(0.13);
    const abbottabad = demo.districts.find((d) => d.code === 'ABT');
    const reinforcement = demo.units.find((u) => u.districtId === abbottabad?.id);
    const members = demo.personnel.filter((p) => p.unitId === reinforcement?.id);
    expect(members.length).toBeGreaterThan(50);
    expect(members.every((p) => p.homeDistrictId === abbottabad?.id && p.serviceNumber.startsWith('ABT-'))).toBe(true);
  });

  it('has a Motor Transport section of constables and head constables with no duty, last of all', () => {
    const section = demo.units.find((u) => u.code === 'HRP-MOTOR-TRANSPORT');
    const drivers = demo.personnel.filter((p) => p.unitId === section?.id);
    expect(drivers).toHaveLength(MOTOR_TRANSPORT_DRIVERS);
    expect(demo.personnel.slice(-MOTOR_TRANSPORT_DRIVERS)).toEqual(drivers);
    expect(new Set(drivers.map((p) => p.rank))).toEqual(new Set(['constable', 'head_constable']));
    expect(drivers.every((p) => /^HRP-MT-\d{4}$/.test(p.serviceNumber) && p.gender === 'male')).toBe(true);
    expect(drivers.every((p) => p.homeDistrictId === demo.districts[0].id)).toBe(true);
    const ids = new Set(drivers.map((p) => p.id));
    expect(demo.assignments.filter((a) => ids.has(a.personnelId))).toEqual([]);
    expect(demo.personnel.filter((p) => p.serviceNumber.startsWith('HRP-MT-'))).toEqual(drivers);
  });

  it('has about 8% women, posted only to female or combined polling stations', () => {
    const women = demo.personnel.filter((p) => p.gender === 'female');
    expect(women.length / demo.personnel.length).toBeGreaterThan(0.06);
    expect(women.length / demo.personnel.length).toBeLessThan(0.1);
    const womenIds = new Set(women.map((p) => p.id));
    for (const assignment of demo.assignments.filter((a) => womenIds.has(a.personnelId))) {
      const post = postsById.get(assignment.postId);
      expect(post?.kind).toBe('polling_station');
      expect(post?.name).toMatch(/\((Female|Combined)\)$/);
    }
  });

  it('uses unique UUID-shaped ids and unique codes', () => {
    const ids = [
      ...demo.districts,
      ...demo.tehsils,
      ...demo.policeStations,
      ...demo.units,
      ...demo.posts,
      ...demo.personnel,
      ...demo.assignments,
    ].map((record) => record.id);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expectUnique(ids);
    expectUnique(demo.posts.map((p) => p.code));
    expectUnique(demo.posts.map((p) => p.name));
    expectUnique(demo.units.map((u) => u.code));
    expectUnique(demo.policeStations.map((s) => s.code));
    expectUnique(demo.tehsils.map((t) => t.code));
  });

  it('resolves every foreign key', () => {
    const ids = (records: { id: string }[]) => new Set(records.map((r) => r.id));
    const districts = ids(demo.districts);
    const tehsils = new Map(demo.tehsils.map((t) => [t.id, t]));
    const stations = new Map(demo.policeStations.map((s) => [s.id, s]));
    const units = ids(demo.units);
    const personnel = ids(demo.personnel);
    expect(demo.tehsils.every((t) => districts.has(t.districtId))).toBe(true);
    expect(demo.policeStations.every((s) => districts.has(s.districtId) && tehsils.has(s.tehsilId))).toBe(true);
    expect(demo.units.every((u) => districts.has(u.districtId))).toBe(true);
    for (const post of demo.posts) {
      const station = stations.get(post.policeStationId);
      expect(station).toBeDefined();
      expect([post.tehsilId, post.districtId]).toEqual([station?.tehsilId, station?.districtId]);
    }
    expect(demo.personnel.every((p) => units.has(p.unitId) && districts.has(p.homeDistrictId))).toBe(true);
    expect(demo.assignments.every((a) => personnel.has(a.personnelId) && postsById.has(a.postId))).toBe(true);
  });

  it('never gives one person two overlapping duties', () => {
    for (const duties of byPerson(demo.assignments).values()) {
      const windows = duties
        .map((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)] as const)
        .sort(([a], [b]) => a - b);
      for (const [i, [start, end]] of windows.entries()) {
        expect(end).toBeGreaterThan(start);
        if (i > 0) {
          expect(start).toBeGreaterThanOrEqual(windows[i - 1][1]);
        }
      }
    }
  });

  it('gives nearly everyone a poll-day duty, some a pre-poll escort too, and guards the strong room in shifts', () => {
    const duties = byPerson(demo.assignments);
    // Everyone but the Motor Transport section, who drive.
    expect(duties.size).toBe(demo.personnel.length - MOTOR_TRANSPORT_DRIVERS);
    const onPollDay = [...duties.values()].filter((list) => list.some((a) => a.phase === 'poll_day'));
    expect(onPollDay.length / duties.size).toBeGreaterThan(0.97);
    const prePoll = [...duties.values()].filter((list) => list.some((a) => a.phase === 'pre_poll'));
    expect(prePoll.length).toBeGreaterThan(100);
    expect(prePoll.every((list) => list.some((a) => a.phase === 'poll_day'))).toBe(true);
    expect(demo.assignments.some((a) => a.phase === 'counting')).toBe(true);
    const strongRoom = demo.posts.find((p) => p.kind === 'strong_room');
    const strongRoomGuards = [...duties.values()].filter((list) => list.some((a) => a.postId === strongRoom?.id));
    expect(strongRoomGuards.length).toBeGreaterThan(0);
    expect(strongRoomGuards.every((list) => list.length > 1 && list.every((a) => a.phase === 'strong_room'))).toBe(
      true,
    );
    expect(demo.assignments.every((a) => ISO_PKT.test(a.startsAt) && ISO_PKT.test(a.endsAt))).toBe(true);
    expect(new Set(demo.assignments.map((a) => a.status))).toEqual(new Set(['confirmed', 'planned']));
  });

  it('staffs each polling station by its category', () => {
    const ranks = new Map(demo.personnel.map((p) => [p.id, p.rank]));
    const pollDuties = demo.assignments.filter((a) => a.phase === 'poll_day');
    const expected = { A: [['asi', 'si'], 7, 9], B: [['asi', 'si'], 5, 7], C: [['head_constable'], 3, 5] } as const;
    for (const station of pollingStations()) {
      const staff = pollDuties.filter((a) => a.postId === station.id);
      const inCharge = staff.filter((a) => a.role === 'in_charge');
      const guards = staff.filter((a) => a.role === 'guard');
      const [inChargeRanks, fewest, most] = expected[station.category ?? 'C'];
      expect(inCharge).toHaveLength(1);
      expect(inChargeRanks).toContain(ranks.get(inCharge[0].personnelId));
      expect(guards.length).toBeGreaterThanOrEqual(fewest);
      expect(guards.length).toBeLessThanOrEqual(most);
      expect(staff[0].startsAt).toBe('2027-02-08T06:00:00+05:00');
    }
  });

  it('moves every window with the pollDay option and keeps everything else', () => {
    const later = buildHaripurDemo({ pollDay: '2027-03-15' });
    const shift = Date.parse('2027-03-15T00:00:00+05:00') - Date.parse('2027-02-08T00:00:00+05:00');
    expect(later.personnel).toEqual(demo.personnel);
    expect(later.posts).toEqual(demo.posts);
    expect(later.assignments).toHaveLength(demo.assignments.length);
    later.assignments.forEach((assignment, i) => {
      const before = demo.assignments[i];
      expect({ ...assignment, startsAt: '', endsAt: '' }).toEqual({ ...before, startsAt: '', endsAt: '' });
      expect(Date.parse(assignment.startsAt) - Date.parse(before.startsAt)).toBe(shift);
      expect(Date.parse(assignment.endsAt) - Date.parse(before.endsAt)).toBe(shift);
    });
    expect(later.assignments.find((a) => a.phase === 'pre_poll')?.startsAt).toBe('2027-03-14T14:00:00+05:00');
  });

  it('refuses a pollDay that is not a date', () => {
    expect(() => buildHaripurDemo({ pollDay: '08/02/2027' })).toThrow(/YYYY-MM-DD/);
    expect(() => buildHaripurDemo({ pollDay: '2027-02-30' })).toThrow(/YYYY-MM-DD/);
  });
});
