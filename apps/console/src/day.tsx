import { useState } from 'preact/hooks';
import { Field } from './components';
import { useT } from './i18n';

/** The demo's poll day unless the page's address names another: officers plan around it. */
export function useDay(): [string, (day: string) => void] {
  const initial = new URLSearchParams(location.search).get('date') ?? localToday();
  const [day, setDay] = useState(initial);
  const change = (next: string) => {
    const params = new URLSearchParams(location.search);
    params.set('date', next);
    history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
    setDay(next);
  };
  return [day, change];
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function DayPicker({ day, onChange }: { day: string; onChange: (day: string) => void }) {
  const { t } = useT();
  return (
    <Field label={t('date')}>
      <input type="date" value={day} onChange={(event) => onChange(event.currentTarget.value)} />
    </Field>
  );
}
