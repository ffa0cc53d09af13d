/** Small pieces every page uses: loading and error states, verdict and status badges, a filter's choice. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from './router.tsx';
import { faultText } from './fault-text.ts';
import { useStatements } from './use-statements.ts';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

/**
 * A failure in the reader's language where it has a message of its own: the database away (503)
 * or its disk full (507) pass by themselves, so they say so rather than "something went wrong".
 */

export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useI18n();
  const { errorText } = useStatements();
  const text =
    error instanceof ApiError && error.status === 404
      ? t('common.notFound')
      : error instanceof ApiError && error.status === 403
        ? t('common.forbidden')
        : (faultText(error, t) ?? t('common.error', { message: errorText(error) }));
  // Asking again will not make a missing or forbidden record appear: no retry for those.
  const retry = onRetry && !(error instanceof ApiError && (error.status === 404 || error.status === 403));
  return (
    <div className="notice notice-error" role="alert">
      <span>{text}</span>
      {retry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** True for an answer that says the record is not there (or not there for this reader: the server does not tell them apart). */
export const isMissing = (error: Error | null): boolean =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

/** A page whose record is missing: says so plainly and leads back to the list. */
export function NotFound({ title, text, back }: { title: string; text: string; back: { to: string; label: string } }) {
  return (
    <div className="page not-found" data-testid="not-found">
      <h1>{title}</h1>
      <p className="lead">{text}</p>
      <Link className="btn btn-primary" to={back.to}>
        {back.label}
      </Link>
    </div>
  );
}

/**
 * What a page of one record shows until it has the record: a not-found page when there is none
 * (or the reader may not see it), the error with a retry, or "loading"; null once the record is here.
 */
export function recordFallback(
  q: { data: unknown; error: Error | null; reload(): void },
  missing: { title: string; text: string; back: { to: string; label: string } },
): ReactNode {
  if (isMissing(q.error)) return <NotFound {...missing} />;
  if (q.error)
    return (
      <div className="page">
        <ErrorNotice error={q.error} onRetry={q.reload} />
      </div>
    );
  if (q.data === undefined)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  return null;
}

export function VerdictBadge({ verdict }: { verdict: string }) {
  const { nameOf } = useI18n();
  return (
    <span className={`badge verdict-${verdict}`}>
      <span className="dot" aria-hidden="true" />
      {nameOf.verdicts(verdict)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { nameOf } = useI18n();
  return <span className={`badge status-${status}`}>{nameOf.statuses(status)}</span>;
}

export function Field({
  label,
  error,
  help,
  htmlFor,
  className,
  children,
}: {
  label: string;
  error?: string | undefined;
  help?: string | undefined;
  htmlFor: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${className ? ` ${className}` : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {help && !error && (
        <p className="field-help" id={`${htmlFor}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${htmlFor}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The longest name the server takes, English or Arabic. */
export const NAME_MAX_LENGTH = 200;

/**
 * A record's name in English and in Arabic, each labelled with its language, for a `field-row`
 * (side by side, one above the other on a phone); the Arabic one written right to left whatever
 * the page's direction. `ids` name the two inputs.
 */
export function NameFields({
  ids,
  labels,
  values,
  onChange,
  error,
}: {
  ids: readonly [english: string, arabic: string];
  labels: readonly [english: string, arabic: string];
  values: readonly [english: string, arabic: string];
  onChange: readonly [english: (value: string) => void, arabic: (value: string) => void];
  error?: string | undefined;
}) {
  return (
    <>
      <Field label={labels[0]} htmlFor={ids[0]} error={error} className="field-name">
        <input
          id={ids[0]}
          lang="en"
          dir="auto"
          maxLength={NAME_MAX_LENGTH}
          value={values[0]}
          onChange={(e) => onChange[0](e.target.value)}
        />
      </Field>
      <Field label={labels[1]} htmlFor={ids[1]} className="field-name">
        <input
          id={ids[1]}
          lang="ar"
          dir="rtl"
          maxLength={NAME_MAX_LENGTH}
          value={values[1]}
          onChange={(e) => onChange[1](e.target.value)}
        />
      </Field>
    </>
  );
}

/**
 * The ids of a detail page's records, for those who must quote them (a support request, the API):
 * muted, selectable, and the only place an id is shown.
 */
export function Reference({ ids }: { ids: readonly (string | null | undefined)[] }) {
  const { t } = useI18n();
  return (
    <p className="reference" data-reference>
      {t('common.reference')}: <span dir="ltr">{ids.filter((x): x is string => !!x).join(' · ')}</span>
    </p>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}

/** A row of tabs, one of `options` chosen: a page's boxes (received, sent), a set's members. */
export function Tabs<T extends string>({
  label,
  options,
  value,
  name,
  title,
  onChange,
}: {
  label: string;
  options: readonly T[];
  value: T;
  name(option: T): string;
  /** A tooltip, for names the tab may cut short. */
  title?: (option: T) => string;
  onChange(option: T): void;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {options.map((o) => (
        <button
          key={o}
          type="button"
          role="tab"
          aria-selected={o === value}
          className={`tab${o === value ? ' active' : ''}`}
          title={title?.(o)}
          onClick={() => onChange(o)}
        >
          {name(o)}
        </button>
      ))}
    </div>
  );
}

/** A filter that is one of its choices, or any. */
export function AnyOf({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: [string, string][];
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.any')}</option>
        {choices.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What `LoadMore` needs of a list read a page at a time (TanStack Query's infinite query). */
export interface PagedList {
  hasNextPage: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

/**
 * The next page of a list, offered while there is one. Not while any page is on its way (a
 * refetch after a write or a live event too): the refetch would undo the next page.
 */
export function LoadMore({ list, label }: { list: PagedList; label?: string }) {
  const { t } = useI18n();
  if (!list.hasNextPage) return null;
  return (
    <button
      type="button"
      className="btn load-more"
      disabled={list.isFetching}
      onClick={() => void list.fetchNextPage()}
    >
      {list.isFetchingNextPage ? t('common.loading') : (label ?? t('common.loadMore'))}
    </button>
  );
}
