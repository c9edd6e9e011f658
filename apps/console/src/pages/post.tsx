import { Page, api, query } from '../api';
import { Badge, Link, Problem, Table, useLoad } from '../components';
import { useWorkspace } from '../context';
import { localTime, useT } from '../i18n';
import { useVerdictStream } from '../live';
import { CHECKS, Check, Gap, ReadinessPost } from '../readiness';

interface Duty {
  id: string;
  startsAt: string;
  endsAt: string;
  role: string;
  status: string;
  personnel: { name: string; rank: string; serviceNumber: string };
}

/** Where each check is fixed: the officer's page for the duty's day. */
const FIX: Record<Check, string> = {
  briefed: '/briefings',
  transported: '/transport',
  lodged: '/lodging',
  fed: '/meals',
};

/** One post: who is on duty there, and for each of them whether they are briefed, moved, housed and fed. */
export function PostPage({ id }: { id: string }) {
  const { t } = useT();
  const { district } = useWorkspace();
  const post = useLoad(
    () => api<Page<ReadinessPost>>(`/readiness/posts${query({ districtId: district.id, postId: id })}`),
    [id],
  );
  const duties = useLoad(() => api<Page<Duty>>(`/assignments${query({ postId: id, limit: 200 })}`), [id]);
  const gaps = useLoad(
    () => api<Page<Gap>>(`/readiness/gaps${query({ districtId: district.id, postId: id, limit: 500 })}`),
    [id],
  );
  useVerdictStream(district.id, () => {
    post.reload();
    gaps.reload();
    duties.reload();
  });
  const summary = post.data?.items[0];
  const missingOf = new Map(gaps.data?.items.map((gap) => [gap.assignmentId, gap]) ?? []);
  const cell = (duty: Duty, check: Check) => {
    const gap = missingOf.get(duty.id);
    const missing = gap?.missing.filter((item) => item.check === check) ?? [];
    if (missing.length === 0) {
      return <span class="ok-mark">✓ {t('ok')}</span>;
    }
    return (
      <Link href={`${FIX[check]}?date=${duty.startsAt.slice(0, 10)}`} class="missing-mark">
        ✗ {missing.map((item) => item.text).join('; ')}
      </Link>
    );
  };
  return (
    <section aria-labelledby="post-title">
      <p>
        <Link href="/gaps">← {t('gaps')}</Link>
      </p>
      <h1 id="post-title">{summary ? `${summary.code} ${summary.name}` : t('loading')}</h1>
      {summary && (
        <p class="facts" data-post-colour={summary.colour}>
          <Badge colour={summary.colour} /> {summary.assignments} {t('assignmentsTotal')} · {summary.red} {t('red')} ·{' '}
          {summary.amber} {t('amber')} · {summary.green} {t('green')}
        </p>
      )}
      <Problem error={post.error ?? duties.error ?? gaps.error} />
      <Table
        caption={`${t('onDuty')} (${duties.data?.total ?? '…'})`}
        rows={duties.data?.items}
        rowKey={(duty) => duty.id}
        columns={[
          { key: 'serviceNumber', cell: (duty) => duty.personnel.serviceNumber },
          { key: 'name', cell: (duty) => `${duty.personnel.name} (${duty.personnel.rank})` },
          { key: 'starts', cell: (duty) => localTime(duty.startsAt) },
          { key: 'ends', cell: (duty) => localTime(duty.endsAt) },
          ...CHECKS.map((check) => ({ key: check, cell: (duty: Duty) => cell(duty, check) })),
        ]}
      />
    </section>
  );
}
