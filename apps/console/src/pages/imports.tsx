import { useState } from 'preact/hooks';
import { ApiError, upload } from '../api';
import { Field, Problem, Table } from '../components';
import { useT } from '../i18n';

interface ImportResult {
  dryRun?: true;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

type RowError = ApiError['errors'][number];

export function ImportsPage() {
  const { t } = useT();
  const [kind, setKind] = useState<'personnel' | 'assignments'>('assignments');
  const [dryRun, setDryRun] = useState(false);
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<ImportResult>();
  const [rowErrors, setRowErrors] = useState<RowError[]>();
  const [error, setError] = useState<Error>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      return;
    }
    setResult(undefined);
    setRowErrors(undefined);
    setError(undefined);
    setProgress(0);
    try {
      setResult(await upload<ImportResult>(`/imports/${kind}${dryRun ? '?dryRun=true' : ''}`, file, setProgress));
    } catch (failure) {
      if (failure instanceof ApiError && failure.errors.length > 0) {
        setRowErrors(failure.errors);
      }
      setError(failure as Error);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{t('imports')}</h1>
      <form class="grid-form panel" onSubmit={(event) => void submit(event)}>
        <Field label={t('importKind')}>
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as typeof kind)}>
            <option value="assignments">{t('assignments')}</option>
            <option value="personnel">{t('personnel')}</option>
          </select>
        </Field>
        <Field label={t('file')}>
          <input
            type="file"
            accept=".csv,text/csv"
            required
            onChange={(event) => setFile(event.currentTarget.files?.[0])}
          />
        </Field>
        <label class="check">
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.currentTarget.checked)} />
          <span>{t('dryRun')}</span>
        </label>
        <button type="submit" disabled={progress !== undefined}>
          {t('upload')}
        </button>
      </form>
      {progress !== undefined && (
        <div class="progress">
          <label>
            <span>{progress < 1 ? t('uploading') : t('checking')}</span>
            <progress max={1} value={progress < 1 ? progress : undefined} />
          </label>
        </div>
      )}
      {result && (
        <p role="status" class="done">
          {t('imported')}: {result.rows} {t('rowsRead')}, {result.created} {t('created')}, {result.updated}{' '}
          {t('updated')}, {result.unchanged} {t('unchanged')}
          {result.dryRun ? ` (${t('dryRun')})` : ''}
        </p>
      )}
      <Problem error={error} />
      {rowErrors && (
        <Table
          caption={t('rowErrors')}
          rows={rowErrors}
          rowKey={(row) => `${row.row ?? ''}:${row.field ?? ''}:${row.message}`}
          columns={[
            { key: 'row', cell: (row) => row.row ?? '—', numeric: true },
            { key: 'field', cell: (row) => row.field ?? '—' },
            { key: 'message', cell: (row) => row.message },
          ]}
        />
      )}
    </section>
  );
}
