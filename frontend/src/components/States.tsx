import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { problemMessage } from '../lib/problemMessage';

/** Grey placeholder lines while data loads; announced once as "loading" to screen readers. */
export function Skeleton({ lines = 4, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label ?? t('app.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <span key={i} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}

/** Nothing to show: say why, and what to do about it. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** A problem from the API in plain words, with a retry where retrying can help. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const traceId = error instanceof ApiProblem ? error.traceId : null;
  const retryable = !(error instanceof ApiProblem) || error.status === 0 || error.status >= 500;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('problems.title')}</p>
      <p>{problemMessage(t, error)}</p>
      {traceId ? <p className="trace-id">{t('problems.traceId', { id: traceId })}</p> : null}
      {onRetry && retryable ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('problems.retry')}
        </button>
      ) : null}
    </div>
  );
}

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" under a keyset-paginated list; says it is busy while the next page loads. */
export function LoadMore({ query, label }: { query: Pages; label: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button secondary"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? t('app.loading') : label}
    </button>
  );
}
