import { useState } from 'preact/hooks';
import { Page, api, query } from '../api';
import { Badge, Field, Link, Problem, Table, useLoad } from '../components';
import { useWorkspace } from '../context';
import { localTime, useT } from '../i18n';
import { useVerdictStream } from '../live';
import { CHECKS, Gap } from '../readiness';
import { navigate, useLocation } from '../router';

interface Tehsil {
  id: string;
  name: string;
}

const FILTERS = ['check', 'colour', 'tehsilId', 'policeStationId', 'postId'] as const;

/** What each duty still lacks, soonest first; the filters live in the address, so a filtered list can be shared. */
export function GapsPage() {
  const { t } = useT();
  const { district } = useWorkspace();
  const path = useLocation();
  const params = new URLSearchParams(path.split('?')[1] ?? '');
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const key = JSON.stringify(filters);
  const tehsils = useLoad(
    () => api<Page<Tehsil>>(`/tehsils${query({ districtId: district.id, limit: 100 })}`),
    [district.id],
  );
  const gaps = useLoad(
    () => api<Page<Gap>>(`/readiness/gaps${query({ districtId: district.id, ...filters, limit: 100 })}`),
    [district.id, key],
  );
  const [more, setMore] = useState<Gap[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const live = useVerdictStream(district.id, () => {
    setMore([]);
    gaps.reload();
  });

  const setFilter = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    setMore([]);
    navigate(`/gaps${next.toString() ? `?${next.toString()}` : ''}`, true);
  };
  const loadMore = async () => {
    const after = cursor ?? gaps.data?.nextCursor;
    if (!after) {
      return;
    }
    const page = await api<Page<Gap>>(
      `/readiness/gaps${query({ districtId: district.id, ...filters, limit: 100, cursor: after })}`,
    );
    setMore([...more, ...page.items]);
    setCursor(page.nextCursor);
  };
  const rows = gaps.data ? [...gaps.data.items, ...more] : undefined;
  const hasMore = more.length > 0 ? cursor !== null : Boolean(gaps.data?.nextCursor);

  return (
    <section aria-labelledby="gaps-title">
      <h1 id="gaps-title">{t('gaps')}</h1>
      <p class="live" role="status" data-live={live}>
        {live === 'live' ? `● ${t('live')}` : t('reconnecting')}
      </p>
      <form class="filters" onSubmit={(event) => event.preventDefault()} aria-label={t('gaps')}>
        <Field label={t('check')}>
          <select value={filters.check} onChange={(event) => setFilter('check', event.currentTarget.value)}>
            <option value="">{t('any')}</option>
            {CHECKS.map((check) => (
              <option key={check} value={check}>
                {t(check)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('colour')}>
          <select value={filters.colour} onChange={(event) => setFilter('colour', event.currentTarget.value)}>
            <option value="">{t('any')}</option>
            <option value="red">{t('red')}</option>
            <option value="amber">{t('amber')}</option>
          </select>
        </Field>
        <Field label={t('tehsils')}>
          <select value={filters.tehsilId} onChange={(event) => setFilter('tehsilId', event.currentTarget.value)}>
            <option value="">{t('any')}</option>
            {tehsils.data?.items.map((tehsil) => (
              <option key={tehsil.id} value={tehsil.id}>
                {tehsil.name}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <Problem error={gaps.error} />
      <Table
        caption={`${t('gaps')} (${gaps.data?.total ?? '…'})`}
        rows={rows}
        rowKey={(gap) => gap.assignmentId}
        columns={[
          { key: 'colour', cell: (gap) => <Badge colour={gap.colour} /> },
          { key: 'starts', cell: (gap) => localTime(gap.startsAt) },
          { key: 'serviceNumber', cell: (gap) => gap.personnel.serviceNumber ?? '—' },
          { key: 'name', cell: (gap) => `${gap.personnel.name ?? '—'} (${gap.personnel.rank ?? ''})` },
          {
            key: 'post',
            cell: (gap) => (
              <Link href={`/posts/${gap.post.id}`}>{`${gap.post.code ?? ''} ${gap.post.name ?? ''}`}</Link>
            ),
          },
          {
            key: 'whatIsMissing',
            cell: (gap) => (
              <ul class="missing">
                {gap.missing.map((item) => (
                  <li key={item.code}>
                    <strong>{t(item.check)}</strong>: {item.text}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {hasMore && (
        <button type="button" onClick={() => void loadMore()}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
