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

const TREND_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The district's summary at this hour on each of the last days, oldest first: readiness keeps every verdict's history,
 * so `at=` answers what the report said then.
 */
function trend(districtId: string): Promise<Summary[]> {
  const now = Date.now();
  return Promise.all(
    Array.from({ length: TREND_DAYS }, (_, index) => TREND_DAYS - 1 - index).map((daysAgo) =>
      api<Summary>(
        `/readiness/summary${query({
          districtId,
          at: daysAgo === 0 ? undefined : new Date(now - daysAgo * DAY_MS).toISOString(),
        })}`,
      ),
    ),
  );
}

export function OverviewPage() {
  const { t } = useT();
  const { district } = useWorkspace();
  const summary = useLoad(() => api<Summary>(`/readiness/summary${query({ districtId: district.id })}`), [district.id]);
  const posts = useLoad(() => allPosts(district.id), [district.id]);
  const days = useLoad(() => trend(district.id), [district.id]);
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
          {days.data && <TrendChart days={days.data} />}
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

/** Percent ready at this hour on each of the last days, a bar a day, so a commander sees whether gaps are closing. */
function TrendChart({ days }: { days: Summary[] }) {
  const { t } = useT();
  const label = days.map((day) => `${localTime(day.at).slice(0, 10)} ${day.totals.percentReady}%`).join(', ');
  const width = 400 / days.length;
  return (
    <figure class="panel">
      <figcaption>{t('trend')}</figcaption>
      <svg class="chart" viewBox="0 0 400 130" role="img" aria-label={label} dir="ltr">
        {days.map((day, index) => {
          const height = (Math.max(0, Math.min(100, day.totals.percentReady)) / 100) * 90;
          const x = index * width;
          return (
            <g key={day.at} data-trend-day={localTime(day.at).slice(0, 10)}>
              <rect x={x + 4} y={100 - height} width={width - 8} height={height} class="bar-ok" />
              <text x={x + width / 2} y={96 - height} text-anchor="middle" class="bar-label">
                {Math.round(day.totals.percentReady)}%
              </text>
              <text x={x + width / 2} y="118" text-anchor="middle">
                {localTime(day.at).slice(5, 10)}
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
