import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useStudents } from '../api/queries';
import { Page } from '../components/Page';
import { EmptyState, LoadMore, ProblemAlert, Skeleton } from '../components/States';
import { formatShortDate } from '../lib/dates';
import { fullName } from '../lib/names';
import { sectionsFor } from '../lib/roles';
import type { MySchool } from '../session/useMe';

const DEBOUNCE_MS = 250;

/** Find a student by name. The query lives in the URL (?naam=), so back and links keep it. */
export function StudentsPage({ school }: { school: MySchool }) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('naam') ?? '');
  const query = (params.get('naam') ?? '').trim();

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = text.trim();
      if (next !== query) setParams(next ? { naam: next } : {}, { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, setParams]);

  const groupBound = !sectionsFor(school.roles).includes('groups');
  const students = useStudents(school.id, { name: query }, query.length > 0);
  const items = students.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title={t('students.title')}
      lead={groupBound ? t('students.introOwnGroups') : t('students.intro')}
    >
      <search className="toolbar">
        <label className="field">
          <span>{t('students.searchLabel')}</span>
          <input
            type="search"
            value={text}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p id={hintId} className="hint">
          {t('students.searchHint')}
        </p>
      </search>
      {!query ? (
        <EmptyState>{t('students.start')}</EmptyState>
      ) : students.isPending ? (
        <Skeleton lines={4} />
      ) : students.isError ? (
        <ProblemAlert error={students.error} onRetry={() => void students.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('students.noResults', { query })}</EmptyState>
      ) : (
        <section aria-label={t('students.resultsCaption')} aria-busy={students.isFetching}>
          <ul className="result-list">
            {items.map((s) => (
              <li key={s.id}>
                <Link to={`/leerlingen/${s.id}`}>{fullName(s)}</Link>
                <span className="meta">{formatShortDate(s.date_of_birth, i18n.language)}</span>
              </li>
            ))}
          </ul>
          <LoadMore query={students} label={t('students.loadMore')} />
        </section>
      )}
    </Page>
  );
}
