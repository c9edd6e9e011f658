import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import { Key, useT } from './i18n';
import { onLinkClick } from './router';

export function Link(props: { href: string; children: ComponentChildren; class?: string; current?: boolean }) {
  return (
    <a href={props.href} class={props.class} onClick={onLinkClick} aria-current={props.current ? 'page' : undefined}>
      {props.children}
    </a>
  );
}

export interface Loaded<T> {
  data?: T;
  error?: ApiError | Error;
  loading: boolean;
  reload: () => void;
}

/** Loads what a page shows; a change of `deps` (the district, a filter) loads again, the last answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  return { ...state, reload: () => setGeneration((n) => n + 1) };
}

export function Problem({ error }: { error: Error | undefined }) {
  const { t } = useT();
  if (!error) {
    return null;
  }
  return (
    <p class="problem" role="alert">
      {t('error')}: {error.message}
    </p>
  );
}

export interface Column<T> {
  key: Key;
  cell: (row: T) => ComponentChildren;
  numeric?: boolean;
}

/** A table with a caption (its accessible name) and header cells for every column. */
export function Table<T>(props: {
  caption: string;
  rows: T[] | undefined;
  columns: Column<T>[];
  rowKey: (row: T) => string;
}) {
  const { t } = useT();
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column.key} class={column.numeric ? 'num' : undefined}>
                {t(column.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows?.length === 0 && (
            <tr>
              <td colSpan={props.columns.length}>{t('none')}</td>
            </tr>
          )}
          {props.rows?.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((column) => (
                <td key={column.key} class={column.numeric ? 'num' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}

export function Badge({ colour }: { colour: 'green' | 'amber' | 'red' }) {
  const { t } = useT();
  return <span class={`badge ${colour}`}>{t(colour)}</span>;
}
