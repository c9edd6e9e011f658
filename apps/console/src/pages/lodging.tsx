import { Page, api, query } from '../api';
import { Problem, Table, useLoad } from '../components';
import { useWorkspace } from '../context';
import { DayPicker, useDay } from '../day';
import { useT } from '../i18n';

interface Occupancy {
  id: string;
  siteName: string;
  night: string;
  beds: number;
  held: number;
  checkedIn: number;
  free: number;
  welfareFailing: boolean;
}

export function LodgingPage() {
  const { t } = useT();
  const { district } = useWorkspace();
  const [day, setDay] = useDay();
  const occupancy = useLoad(
    () =>
      api<Page<Occupancy>>(`/lodging/occupancy${query({ districtId: district.id, from: day, to: day, limit: 200 })}`),
    [district.id, day],
  );
  const rows = occupancy.data?.items;
  const totals = rows?.reduce((sum, row) => ({ beds: sum.beds + row.beds, held: sum.held + row.held }), {
    beds: 0,
    held: 0,
  });
  return (
    <section aria-labelledby="lodging-title">
      <h1 id="lodging-title">{t('lodging')}</h1>
      <div class="actions">
        <DayPicker day={day} onChange={setDay} />
        {totals && totals.beds > 0 && (
          <p class="meter-line">
            <span>
              {t('held')} {totals.held}/{totals.beds}
            </span>
            <meter min={0} max={totals.beds} value={totals.held} aria-label={t('occupancy')} />
          </p>
        )}
      </div>
      <Problem error={occupancy.error} />
      <Table
        caption={`${t('occupancy')} (${occupancy.data?.total ?? '…'})`}
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { key: 'site', cell: (row) => row.siteName },
          { key: 'night', cell: (row) => row.night },
          { key: 'beds', cell: (row) => row.beds, numeric: true },
          { key: 'held', cell: (row) => row.held, numeric: true },
          { key: 'checkedIn', cell: (row) => row.checkedIn, numeric: true },
          { key: 'free', cell: (row) => row.free, numeric: true },
          { key: 'welfare', cell: (row) => (row.welfareFailing ? t('welfareFailing') : t('ok')) },
        ]}
      />
    </section>
  );
}
