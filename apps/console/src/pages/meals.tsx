import { useState } from 'preact/hooks';
import { Page, api, query } from '../api';
import { Problem, Table, useLoad } from '../components';
import { useWorkspace } from '../context';
import { DayPicker, useDay } from '../day';
import { localTime, useT } from '../i18n';

interface MealPlan {
  id: string;
  postCode: string;
  postName: string;
  slot: string;
  kitchenName: string;
  count: number;
  headcount: number;
  flag: string;
  status: string;
}

interface DeliveryProblem {
  id: string;
  problem: string;
  postCode: string;
  postName: string;
  slot: string;
  slotStartsAt: string;
  kitchenName: string;
  minutesLate: number | null;
}

export function MealsPage() {
  const { t } = useT();
  const { district, me } = useWorkspace();
  const [day, setDay] = useDay();
  const [error, setError] = useState<Error>();
  const plans = useLoad(
    () => api<Page<MealPlan>>(`/meals/plans${query({ districtId: district.id, date: day, limit: 200 })}`),
    [district.id, day],
  );
  const problems = useLoad(
    () =>
      api<DeliveryProblem[] | Page<DeliveryProblem>>(
        `/meals/deliveries/problems${query({ districtId: district.id, date: day })}`,
      ),
    [district.id, day],
  );
  const generate = async () => {
    setError(undefined);
    try {
      await api('/meals/plans/generate', { method: 'POST', json: { districtId: district.id, date: day } });
      plans.reload();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const problemRows = Array.isArray(problems.data) ? problems.data : problems.data?.items;
  return (
    <section aria-labelledby="meals-title">
      <h1 id="meals-title">{t('meals')}</h1>
      <div class="actions">
        <DayPicker day={day} onChange={setDay} />
        {(me.role === 'admin' || me.role === 'logistics_officer') && (
          <button type="button" onClick={() => void generate()}>
            {t('generate')}
          </button>
        )}
      </div>
      <Problem error={error ?? plans.error ?? problems.error} />
      <Table
        caption={`${t('plans')} (${plans.data?.total ?? '…'})`}
        rows={plans.data?.items}
        rowKey={(plan) => plan.id}
        columns={[
          { key: 'post', cell: (plan) => `${plan.postCode} ${plan.postName}` },
          { key: 'slot', cell: (plan) => plan.slot },
          { key: 'kitchen', cell: (plan) => plan.kitchenName },
          { key: 'count', cell: (plan) => plan.count, numeric: true },
          { key: 'headcount', cell: (plan) => plan.headcount, numeric: true },
          { key: 'flag', cell: (plan) => plan.flag },
          { key: 'status', cell: (plan) => plan.status },
        ]}
      />
      <Table
        caption={t('deliveryProblems')}
        rows={problemRows}
        rowKey={(row) => row.id}
        columns={[
          { key: 'problem', cell: (row) => row.problem },
          { key: 'post', cell: (row) => `${row.postCode} ${row.postName}` },
          { key: 'slot', cell: (row) => `${row.slot} ${localTime(row.slotStartsAt)}` },
          { key: 'kitchen', cell: (row) => row.kitchenName },
          { key: 'minutesLate', cell: (row) => row.minutesLate ?? '—', numeric: true },
        ]}
      />
    </section>
  );
}
