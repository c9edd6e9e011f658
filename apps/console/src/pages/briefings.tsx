import { useState } from 'preact/hooks';
import { Page, api, query } from '../api';
import { Field, Link, Problem, Table, useLoad } from '../components';
import { useWorkspace } from '../context';
import { localTime, useT } from '../i18n';
import { useLocation } from '../router';

interface Session {
  id: string;
  title: string;
  topics: string[];
  venue: { name: string; address: string; capacity: number };
  startsAt: string;
  endsAt: string;
  presenter: string;
  status: string;
}

interface PersonRef {
  name: string;
  rank: string;
  serviceNumber: string;
}

interface Invitation {
  id: string;
  personnel: PersonRef;
  status: string;
}

interface Attendance {
  personnelId: string;
  personnel: PersonRef;
  status: string;
  codeOfConductAcknowledgedAt: string | null;
}

export function BriefingsPage() {
  const path = useLocation();
  const id = /^\/briefings\/([0-9a-f-]{36})/.exec(path)?.[1];
  return id ? <BriefingPage id={id} /> : <BriefingList />;
}

function BriefingList() {
  const { t } = useT();
  const { district } = useWorkspace();
  const sessions = useLoad(
    () => api<Page<Session>>(`/briefings${query({ districtId: district.id, limit: 100 })}`),
    [district.id],
  );
  return (
    <section aria-labelledby="briefings-title">
      <h1 id="briefings-title">{t('briefings')}</h1>
      <Problem error={sessions.error} />
      <Table
        caption={`${t('briefings')} — ${district.name} (${sessions.data?.total ?? '…'})`}
        rows={sessions.data?.items}
        rowKey={(session) => session.id}
        columns={[
          { key: 'title', cell: (s) => <Link href={`/briefings/${s.id}`}>{s.title}</Link> },
          { key: 'starts', cell: (s) => localTime(s.startsAt) },
          { key: 'venue', cell: (s) => s.venue.name },
          { key: 'capacity', cell: (s) => s.venue.capacity, numeric: true },
          { key: 'status', cell: (s) => s.status },
        ]}
      />
      <ScheduleForm onScheduled={sessions.reload} />
    </section>
  );
}

function ScheduleForm({ onScheduled }: { onScheduled: () => void }) {
  const { t } = useT();
  const { district } = useWorkspace();
  const [form, setForm] = useState({
    title: '',
    venue: '',
    address: '',
    capacity: '50',
    startsAt: '',
    endsAt: '',
    presenter: '',
  });
  const [error, setError] = useState<Error>();
  const set = (name: keyof typeof form) => (event: Event) =>
    setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api('/briefings', {
        method: 'POST',
        json: {
          title: form.title,
          topics: ['code_of_conduct', 'security_protocol'],
          venue: { name: form.venue, address: form.address, capacity: Number(form.capacity) },
          // datetime-local has no offset: the officer's clock is the control room's, so the browser's zone applies.
          startsAt: new Date(form.startsAt).toISOString(),
          endsAt: new Date(form.endsAt).toISOString(),
          presenter: form.presenter,
          districtId: district.id,
        },
      });
      onScheduled();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <details class="panel">
      <summary>{t('schedule')}</summary>
      <form class="grid-form" onSubmit={(event) => void submit(event)}>
        <Field label={t('title')}>
          <input required value={form.title} onInput={set('title')} />
        </Field>
        <Field label={t('venue')}>
          <input required value={form.venue} onInput={set('venue')} />
        </Field>
        <Field label="Address">
          <input required value={form.address} onInput={set('address')} />
        </Field>
        <Field label={t('capacity')}>
          <input type="number" min="1" required value={form.capacity} onInput={set('capacity')} />
        </Field>
        <Field label={t('starts')}>
          <input type="datetime-local" required value={form.startsAt} onInput={set('startsAt')} />
        </Field>
        <Field label={t('ends')}>
          <input type="datetime-local" required value={form.endsAt} onInput={set('endsAt')} />
        </Field>
        <Field label={t('presenter')}>
          <input required value={form.presenter} onInput={set('presenter')} />
        </Field>
        <Problem error={error} />
        <button type="submit">{t('schedule')}</button>
      </form>
    </details>
  );
}

function BriefingPage({ id }: { id: string }) {
  const { t } = useT();
  const session = useLoad(() => api<Session>(`/briefings/${id}`), [id]);
  const invitations = useLoad(() => api<Page<Invitation>>(`/briefings/${id}/invitations?limit=200`), [id]);
  const attendance = useLoad(() => api<Page<Attendance>>(`/briefings/${id}/attendance?limit=200`), [id]);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<Error>();
  const [entry, setEntry] = useState({ serviceNumber: '', status: 'present', acknowledged: true });

  const fill = async () => {
    setError(undefined);
    try {
      const result = await api<{ invited: unknown[]; seatsTaken: number; capacity: number }>(`/briefings/${id}/fill`, {
        method: 'POST',
        json: { selector: {} },
      });
      setMessage(`${t('filled')}: ${result.invited.length} (${result.seatsTaken}/${result.capacity})`);
      invitations.reload();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const record = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api(`/briefings/${id}/attendance`, {
        method: 'POST',
        json: {
          entries: [
            {
              serviceNumber: entry.serviceNumber,
              status: entry.status,
              codeOfConductAcknowledged: entry.status === 'present' && entry.acknowledged,
            },
          ],
        },
      });
      setEntry({ ...entry, serviceNumber: '' });
      attendance.reload();
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <section aria-labelledby="briefing-title">
      <p>
        <Link href="/briefings">← {t('back')}</Link>
      </p>
      <h1 id="briefing-title">{session.data?.title ?? t('loading')}</h1>
      {session.data && (
        <p class="facts">
          {localTime(session.data.startsAt)} – {localTime(session.data.endsAt)} · {session.data.venue.name} (
          {session.data.venue.capacity}) · {session.data.presenter} · {session.data.status}
        </p>
      )}
      <Problem error={session.error ?? error} />
      <div class="actions">
        <button type="button" onClick={() => void fill()}>
          {t('fill')}
        </button>
        {message && <output>{message}</output>}
      </div>
      <Table
        caption={`${t('invitations')} (${invitations.data?.total ?? '…'})`}
        rows={invitations.data?.items}
        rowKey={(row) => row.id}
        columns={[
          { key: 'serviceNumber', cell: (row) => row.personnel.serviceNumber },
          { key: 'name', cell: (row) => row.personnel.name },
          { key: 'rank', cell: (row) => row.personnel.rank },
          { key: 'status', cell: (row) => row.status },
        ]}
      />
      <form class="grid-form panel" onSubmit={(event) => void record(event)} aria-label={t('rollCall')}>
        <h2>{t('rollCall')}</h2>
        <Field label={t('serviceNumber')}>
          <input
            required
            value={entry.serviceNumber}
            onInput={(event) => setEntry({ ...entry, serviceNumber: event.currentTarget.value })}
          />
        </Field>
        <Field label={t('status')}>
          <select value={entry.status} onChange={(event) => setEntry({ ...entry, status: event.currentTarget.value })}>
            <option value="present">{t('present')}</option>
            <option value="absent">{t('absent')}</option>
            <option value="excused">{t('excused')}</option>
          </select>
        </Field>
        <label class="check">
          <input
            type="checkbox"
            checked={entry.acknowledged}
            onChange={(event) => setEntry({ ...entry, acknowledged: event.currentTarget.checked })}
          />
          <span>{t('acknowledged')}</span>
        </label>
        <button type="submit">{t('record')}</button>
      </form>
      <Table
        caption={`${t('rollCall')} (${attendance.data?.total ?? '…'})`}
        rows={attendance.data?.items}
        rowKey={(row) => row.personnelId}
        columns={[
          { key: 'serviceNumber', cell: (row) => row.personnel.serviceNumber },
          { key: 'name', cell: (row) => row.personnel.name },
          { key: 'status', cell: (row) => row.status },
          { key: 'acknowledged', cell: (row) => localTime(row.codeOfConductAcknowledgedAt) },
        ]}
      />
    </section>
  );
}
