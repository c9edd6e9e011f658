import { useState } from 'preact/hooks';
import { Page, api, query } from '../api';
import { Problem, Table, useLoad } from '../components';
import { useWorkspace } from '../context';
import { DayPicker, useDay } from '../day';
import { localTime, useT } from '../i18n';

interface Leg {
  id: string;
  name: string | null;
  serviceNumber: string | null;
  postCode: string | null;
  postName: string | null;
  kind: string;
  arriveBy: string | null;
  departAfter: string | null;
  status: string;
}

interface Trip {
  id: string;
  direction: string;
  startsAt: string;
  endsAt: string;
  status: string;
  seats: number;
  seatsTaken: number;
  stops: unknown[];
}

export function TransportPage() {
  const { t } = useT();
  const { district } = useWorkspace();
  const [day, setDay] = useDay();
  const [uncovered, setUncovered] = useState(true);
  const legs = useLoad(
    () =>
      api<Page<Leg>>(
        `/transport/legs${query({ districtId: district.id, date: day, status: uncovered ? 'uncovered' : undefined, limit: 200 })}`,
      ),
    [district.id, day, uncovered],
  );
  const trips = useLoad(
    () => api<Page<Trip>>(`/transport/trips${query({ districtId: district.id, from: day, limit: 100 })}`),
    [district.id, day],
  );
  return (
    <section aria-labelledby="transport-title">
      <h1 id="transport-title">{t('transport')}</h1>
      <div class="actions">
        <DayPicker day={day} onChange={setDay} />
        <label class="check">
          <input type="checkbox" checked={uncovered} onChange={(event) => setUncovered(event.currentTarget.checked)} />
          <span>{t('uncoveredOnly')}</span>
        </label>
      </div>
      <Problem error={legs.error ?? trips.error} />
      <Table
        caption={`${t('legs')} (${legs.data?.total ?? '…'})`}
        rows={legs.data?.items}
        rowKey={(leg) => leg.id}
        columns={[
          { key: 'serviceNumber', cell: (leg) => leg.serviceNumber ?? '—' },
          { key: 'name', cell: (leg) => leg.name ?? '—' },
          { key: 'post', cell: (leg) => `${leg.postCode ?? ''} ${leg.postName ?? ''}` },
          { key: 'kind', cell: (leg) => leg.kind },
          { key: 'arriveBy', cell: (leg) => localTime(leg.arriveBy) },
          { key: 'departAfter', cell: (leg) => localTime(leg.departAfter) },
          { key: 'status', cell: (leg) => leg.status },
        ]}
      />
      <Table
        caption={`${t('trips')} (${trips.data?.total ?? '…'})`}
        rows={trips.data?.items}
        rowKey={(trip) => trip.id}
        columns={[
          { key: 'kind', cell: (trip) => trip.direction },
          { key: 'starts', cell: (trip) => localTime(trip.startsAt) },
          { key: 'ends', cell: (trip) => localTime(trip.endsAt) },
          { key: 'capacity', cell: (trip) => `${trip.seatsTaken}/${trip.seats}`, numeric: true },
          { key: 'status', cell: (trip) => trip.status },
        ]}
      />
    </section>
  );
}
