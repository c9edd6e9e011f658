import { eventually } from './eventually';
import { TestApi } from './http-client';

let sequence = 0;
const next = () =>
  (++sequence).toString().padStart(4, '0') +
  Math.floor(Math.random() * 1e4)
    .toString()
    .padStart(4, '0');

/** A CNIC that passes the format check and is unique within a run. */
export function fakeCnic(): string {
  const digits = next();
  return `13302-${digits.slice(0, 7).padEnd(7, '1')}-${(sequence % 9) + 1}`;
}

export function fakePhone(): string {
  return `+92300${next().slice(0, 7).padEnd(7, '0')}`;
}

export interface Geography {
  districtId: string;
  tehsilId: string;
  policeStationId: string;
  unitId: string;
  postId: string;
}

async function created(api: TestApi, path: string, body: object): Promise<{ id: string } & Record<string, any>> {
  const response = await api.post(path, body);
  if (response.status !== 201) {
    throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** A district with one tehsil, police station, unit and polling station, made through the API. */
export async function createGeography(api: TestApi, code = `T${next()}`): Promise<Geography> {
  const district = await created(api, '/api/v1/districts', { code: code.slice(0, 12), name: `District ${code}` });
  const tehsil = await created(api, '/api/v1/tehsils', {
    districtId: district.id,
    code: `${code}-T`,
    name: `Tehsil ${code}`,
  });
  const station = await created(api, '/api/v1/police-stations', {
    tehsilId: tehsil.id,
    code: `${code}-PS`,
    name: `Station ${code}`,
  });
  const unit = await created(api, '/api/v1/units', {
    districtId: district.id,
    code: `${code}-U`,
    name: `Unit ${code}`,
    force: 'police',
  });
  const post = await created(api, '/api/v1/posts', {
    code: `${code}-P1`,
    name: `Polling station ${code}`,
    kind: 'polling_station',
    category: 'A',
    policeStationId: station.id,
  });
  return {
    districtId: district.id,
    tehsilId: tehsil.id,
    policeStationId: station.id,
    unitId: unit.id,
    postId: post.id,
  };
}

export function personnelBody(geo: Pick<Geography, 'unitId' | 'districtId'>, overrides: Record<string, unknown> = {}) {
  return {
    serviceNumber: `HRP-${next()}`,
    name: 'Muhammad Imran',
    rank: 'constable',
    unitId: geo.unitId,
    homeDistrictId: geo.districtId,
    cnic: fakeCnic(),
    phone: fakePhone(),
    gender: 'male',
    dietaryNeeds: [],
    travelMode: 'provided',
    ...overrides,
  };
}

export async function createPersonnel(api: TestApi, geo: Pick<Geography, 'unitId' | 'districtId'>, overrides = {}) {
  return created(api, '/api/v1/personnel', personnelBody(geo, overrides));
}

/** A guard's poll-day duty at a post, 8 February 2027 06:00–20:00 in Pakistan unless told otherwise. */
export function dutyBody(personnelId: string, postId: string, overrides: Record<string, unknown> = {}) {
  return {
    personnelId,
    postId,
    role: 'guard',
    phase: 'poll_day',
    startsAt: '2027-02-08T06:00:00+05:00',
    endsAt: '2027-02-08T20:00:00+05:00',
    ...overrides,
  };
}

/** A code-of-conduct briefing for five in a district, 5 February 2027 10:00–12:00 in Pakistan unless told otherwise. */
export function briefingBody(districtId: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Code of conduct',
    topics: ['code_of_conduct'],
    venue: { name: 'Police Lines Hall', address: 'Haripur', capacity: 5 },
    startsAt: '2027-02-05T10:00:00+05:00',
    endsAt: '2027-02-05T12:00:00+05:00',
    presenter: 'DSP Legal',
    districtId,
    ...overrides,
  };
}

/** A user an admin makes through the API (`admin` is signed in as one), signed in as that user. */
export async function createUser(
  admin: TestApi,
  username: string,
  role: string,
  districtIds: string[],
): Promise<TestApi> {
  const password = 'a-long-enough-password';
  await created(admin, '/api/v1/users', { username, password, role, districtIds });
  return admin.login(username, password);
}

/** A briefing (briefingBody) filled from the roster as soon as briefings has heard of the district's duties. */
export async function createFilledBriefing(api: TestApi, districtId: string, seats = 1): Promise<string> {
  const session = await created(api, '/api/v1/briefings', briefingBody(districtId));
  await eventually(async () => {
    const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: {} });
    if (fill.body?.seatsTaken !== seats) {
      throw new Error(`the fill answered ${fill.status} with ${fill.body?.seatsTaken} of ${seats} seats taken`);
    }
  });
  return session.id;
}
