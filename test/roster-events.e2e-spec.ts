import { EVENT_STREAM, EventEnvelope, RosterEvents } from '@rasad/contracts';
import { createGeography, createPersonnel, dutyBody, eventually, Geography, TestApi } from '@rasad/testing';
import { AckPolicy, DeliverPolicy, JSONCodec, NatsConnection, connect } from 'nats';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

/** The roster's changes reach JetStream through its outbox, each as one enveloped event, in order. */
describe('roster events', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let geo: Geography;
  let nc: NatsConnection;
  const codec = JSONCodec<EventEnvelope<any>>();
  const suiteStarted = new Date();

  /** Every event on the stream about one aggregate, in stream order (the stream is shared, the ids are ours). */
  async function eventsAbout(aggregateId: string, subjectPrefix = 'evt.roster.>'): Promise<EventEnvelope<any>[]> {
    const jsm = await nc.jetstreamManager();
    const consumer = await jsm.consumers.add(EVENT_STREAM, {
      filter_subject: subjectPrefix,
      // The stream is shared and keeps history; read only what this suite can have caused.
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: suiteStarted.toISOString(),
      ack_policy: AckPolicy.None,
      inactive_threshold: 10_000_000_000,
    });
    const found: EventEnvelope<any>[] = [];
    try {
      const js = nc.jetstream();
      const reader = await js.consumers.get(EVENT_STREAM, consumer.name);
      const total = consumer.num_pending;
      let seen = 0;
      while (seen < total) {
        const batch = await reader.fetch({ max_messages: 1000, expires: 2000 });
        for await (const msg of batch) {
          seen++;
          const envelope = codec.decode(msg.data);
          if (envelope.aggregateId === aggregateId) {
            found.push(envelope);
          }
        }
      }
    } finally {
      await jsm.consumers.delete(EVENT_STREAM, consumer.name).catch(() => undefined);
    }
    return found;
  }

  beforeAll(async () => {
    rasad = await startRasad('roster_events');
    api = rasad.api;
    geo = await createGeography(api, 'EVT');
    // The suite's own broker: the machine's stream holds every earlier run's history, and reading it timed out.
    nc = await connect({ servers: rasad.commonEnv.NATS_URL });
  });

  afterAll(async () => {
    await nc?.close();
    await rasad?.stop();
  });

  it('emits created, changed (before and after) and cancelled for a duty, in order, with the request id', async () => {
    const person = await createPersonnel(api, geo);
    const created = await api.request('POST', '/api/v1/assignments', dutyBody(person.id, geo.postId), {
      'x-request-id': 'evt-test-create',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await api.patch(`/api/v1/assignments/${id}`, { role: 'in_charge' });
    await api.patch(`/api/v1/assignments/${id}`, { role: 'in_charge' });
    await api.post(`/api/v1/assignments/${id}/cancel`, { reason: 'merged' });

    const events = await eventually(async () => {
      const found = await eventsAbout(id);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(events.map((e) => e.type)).toEqual([
      RosterEvents.assignmentCreated,
      RosterEvents.assignmentChanged,
      RosterEvents.assignmentCancelled,
    ]);
    expect(events[0]).toMatchObject({
      version: 1,
      producer: 'roster',
      correlationId: 'evt-test-create',
      aggregateId: id,
      payload: { id, personnelId: person.id, role: 'guard', startsAt: '2027-02-08T01:00:00.000Z', status: 'planned' },
    });
    expect(events[1].payload).toMatchObject({ before: { role: 'guard' }, after: { role: 'in_charge' } });
    expect(events[2].payload).toMatchObject({ status: 'cancelled', reason: 'merged' });
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('names a district in its created and updated events, and emits nothing for a change that changes nothing', async () => {
    const districtId = geo.districtId;
    await api.patch(`/api/v1/districts/${districtId}`, { name: 'District EVT renamed' });
    await api.patch(`/api/v1/districts/${districtId}`, { name: 'District EVT renamed' });
    const events = await eventually(async () => {
      const found = await eventsAbout(districtId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events.map((e) => e.type)).toEqual([RosterEvents.districtCreated, RosterEvents.districtUpdated]);
    expect(events[0].payload).toEqual({ id: districtId, code: 'EVT', name: 'District EVT', province: null });
    expect(events[1].payload).toMatchObject({ name: 'District EVT renamed' });
  });

  it('keeps the CNIC out of personnel events and emits nothing for a refused change', async () => {
    const person = await createPersonnel(api, geo);
    const registered = await eventually(async () => {
      const found = await eventsAbout(person.id, 'evt.roster.personnel.>');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(registered.type).toBe(RosterEvents.personnelRegistered);
    expect(registered.payload).not.toHaveProperty('cnic');
    expect(registered.payload).toMatchObject({ serviceNumber: person.serviceNumber, phone: person.phone });

    const refused = await api.patch(`/api/v1/personnel/${person.id}`, {
      unitId: '0190b0c0-0000-7000-8000-000000000000',
    });
    expect(refused.status).toBe(422);
    await api.patch(`/api/v1/personnel/${person.id}`, { name: 'Renamed Officer' });
    const all = await eventually(async () => {
      const found = await eventsAbout(person.id, 'evt.roster.personnel.>');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(all[1]).toMatchObject({ type: RosterEvents.personnelUpdated, payload: { name: 'Renamed Officer' } });
  });

  it('emits one event per created or changed record of an import, and none for unchanged ones', async () => {
    const person = await createPersonnel(api, geo);
    const csv = (role: string) =>
      `personnelId,postId,role,startsAt,endsAt,phase\n${person.id},${geo.postId},${role},2027-02-07T14:00:00+05:00,2027-02-07T22:00:00+05:00,pre_poll`;
    expect((await api.csv('/api/v1/imports/assignments', csv('guard'))).body).toMatchObject({ created: 1 });
    expect((await api.csv('/api/v1/imports/assignments', csv('guard'))).body).toMatchObject({ unchanged: 1 });
    expect((await api.csv('/api/v1/imports/assignments', csv('driver'))).body).toMatchObject({ updated: 1 });
    const duty = (await api.get(`/api/v1/assignments?personnelId=${person.id}`)).body.items[0];
    const events = await eventually(async () => {
      const found = await eventsAbout(duty.id);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events.map((e) => e.type)).toEqual([RosterEvents.assignmentCreated, RosterEvents.assignmentChanged]);
    expect(events[1].payload).toMatchObject({ before: { role: 'guard' }, after: { role: 'driver' } });
  });

  it('builds an imported person’s event exactly like the API’s own', async () => {
    const csv = `serviceNumber,name,rank,unitId,homeDistrictId,cnic,phone,gender,dietaryNeeds,travelMode
EVT-IMP-1,Imported Officer,asi,${geo.unitId},${geo.districtId},13302-4440004-5,0300-4440004,female,diabetic;vegetarian,self`;
    const imported = await api.request('POST', '/api/v1/imports/personnel', csv, {
      'content-type': 'text/csv',
      'x-request-id': 'evt-test-import',
    });
    expect(imported.body).toMatchObject({ created: 1 });
    const person = (await api.get('/api/v1/personnel?search=EVT-IMP-1')).body.items[0];
    const [event] = await eventually(async () => {
      const found = await eventsAbout(person.id, 'evt.roster.personnel.>');
      expect(found).toHaveLength(1);
      return found;
    });
    const { cnic: _cnic, createdAt: _c, updatedAt: _u, ...expected } = person;
    expect(event).toMatchObject({
      type: RosterEvents.personnelRegistered,
      correlationId: 'evt-test-import',
      producer: 'roster',
    });
    expect(event.payload).toEqual(expected);
  });
});
