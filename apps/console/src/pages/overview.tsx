import { Page, api, query } from '../api';
import { Badge, Link, Problem, Table, useLoad } from '../components';
import { useWorkspace } from '../context';
import { localTime, useT } from '../i18n';
import { useVerdictStream } from '../live';
import { CHECKS, ReadinessPost, Summary, worst } from '../readiness';
import { PostsMap } from './posts-map';

/** Every page of the district's posts: a district has hundreds, the map shows them all. */
async function allPosts(districtId: string): Promise<ReadinessPost[]> {
  const posts: ReadinessPost[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ReadinessPost> = await api<Page<ReadinessPost>>(
      `/readiness/posts${query({ districtId, limit: 500, cursor })}`,
    );
    posts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return posts;
}

export function OverviewPage() {
  const { t } = useT();
  const { district } = useWorkspace();
  const summary = useLoad(() => api<Summary>(`/readiness/summary${query({ districtId: district.id })}`), [district.id]);
  const posts = useLoad(() => allPosts(district.id), [district.id]);
  const live = useVerdictStream(district.id, () => {
    summary.reload();
    posts.reload();
  });
  const data = summary.data;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">
        {t('overview')} — {district.name}
      </h1>
      <p class="live" role="status" data-live={live}>
        {live === 'live' ? `● ${t('live')}` : t('reconnecting')}
        {data && ` · ${localTime(data.at)}`}
      </p>
      <Problem error={summary.error ?? posts.error} />
      {data && (
        <>
          <ul class="cards" aria-label={t('assignmentsTotal')}>
            <li class="card">
              {t('assignmentsTotal')} <strong>{data.totals.assignments}</strong>
            </li>
            <li class="card cell green">
              {t('green')} <strong data-colour-count="green">{data.totals.green}</strong>
            </li>
            <li class="card cell amber">
              {t('amber')} <strong data-colour-count="amber">{data.totals.amber}</strong>
            </li>
            <li class="card cell red">
              {t('red')} <strong data-colour-count="red">{data.totals.red}</strong>
            </li>
            <li class="card">
              {t('percentReady')} <strong>{data.totals.percentReady}</strong>
            </li>
          </ul>
          <div class="split">
            <ChecksChart summary={data} />
            <Table
              caption={t('checks')}
              rows={CHECKS.map((check) => ({ check, ...data.checks[check] }))}
              rowKey={(row) => row.check}
              columns={[
                { key: 'check', cell: (row) => <Link href={`/gaps?check=${row.check}`}>{t(row.check)}</Link> },
                { key: 'ok', cell: (row) => row.ok, numeric: true },
                { key: 'missing', cell: (row) => row.missing, numeric: true },
                { key: 'percentReady', cell: (row) => row.percentOk, numeric: true },
              ]}
            />
          </div>
          <StationGrid summary={data} />
        </>
      )}
      {posts.data && <PostsMap posts={posts.data} />}
      {data && (
        <Table
          caption={t('freshness')}
          rows={data.freshness}
          rowKey={(row) => row.service}
          columns={[
            { key: 'service', cell: (row) => row.service },
            { key: 'lastEvent', cell: (row) => localTime(row.lastEventAt) },
            {
              key: 'behind',
              cell: (row) => `${row.behindEvents} / ${row.behindSeconds} ${t('seconds')}`,
              numeric: true,
            },
          ]}
        />
      )}
    </section>
  );
}

/** Per check, how many duties meet it and how many lack something: one bar each, drawn in SVG on the page. */
function ChecksChart({ summary }: { summary: Summary }) {
  const { t } = useT();
  const total = Math.max(1, summary.totals.assignments);
  const label = CHECKS.map((check) => `${t(check)} ${summary.checks[check].ok}/${summary.totals.assignments}`).join(
    ', ',
  );
  return (
    <figure class="panel">
      <figcaption>{t('checks')}</figcaption>
      <svg class="chart" viewBox="0 0 400 125" role="img" aria-label={label} dir="ltr">
        {CHECKS.map((check, index) => {
          const tally = summary.checks[check];
          const ok = (tally.ok / total) * 280;
          const y = index * 30 + 5;
          return (
            <g key={check}>
              <text x="0" y={y + 15}>
                {t(check)}
              </text>
              <rect x="100" y={y} width={ok} height="20" class="bar-ok" />
              <rect x={100 + ok} y={y} width={280 - ok} height="20" class="bar-missing" />
              <text x="385" y={y + 15} text-anchor="end" class="bar-label">
                {Math.round(tally.percentOk)}%
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The tehsils, each with its police stations as tiles coloured by their worst duty; a tile opens its gaps. */
function StationGrid({ summary }: { summary: Summary }) {
  const { t } = useT();
  return (
    <section aria-labelledby="grid-title">
      <h2 id="grid-title">
        {t('tehsils')} / {t('policeStations')}
      </h2>
      {summary.byTehsil.map((tehsil) => (
        <div key={tehsil.tehsilId} class="tehsil">
          <h3>
            <Link href={`/gaps?tehsilId=${tehsil.tehsilId}`}>{tehsil.name ?? tehsil.tehsilId}</Link>{' '}
            {worst(tehsil) && <Badge colour={worst(tehsil)!} />} {tehsil.percentReady}% {t('ready')}
          </h3>
          <ul class="grid">
            {summary.byPoliceStation
              .filter((station) => station.tehsilId === tehsil.tehsilId)
              .map((station) => (
                <li key={station.policeStationId}>
                  <Link
                    href={`/gaps?policeStationId=${station.policeStationId}`}
                    class={`cell ${worst(station) ?? ''}`}
                  >
                    <span class="cell-name">{station.name ?? station.policeStationId}</span>
                    <span>
                      {station.percentReady}% {t('ready')} · {station.assignments} {t('assignmentsTotal')}
                    </span>
                    <span>
                      {t('red')} {station.red} · {t('amber')} {station.amber} · {t('green')} {station.green}
                    </span>
                  </Link>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
