import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStudentCases } from '../../api/cases';
import { isProblem } from '../../api/problem';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { Day, Overdue } from './bits';

/** "Zorgtrajecten" on the student page: the student's cases, open and closed, each linking to
 * the case. Not for your role: nothing is shown. */
export function StudentCases({ studentId, name }: { studentId: string; name: string }) {
  const { t } = useTranslation('care');
  const cases = useStudentCases(studentId);
  if (cases.isError && (isProblem(cases.error, 403) || isProblem(cases.error, 404))) return null;
  const items = [...(cases.data ?? [])].sort(
    (a, b) =>
      Number(Boolean(a.closed_at)) - Number(Boolean(b.closed_at)) ||
      b.opened_at.localeCompare(a.opened_at),
  );
  return (
    <section className="panel student-cases" aria-labelledby="student-cases">
      <h2 id="student-cases">{t('studentCases.title')}</h2>
      {cases.isPending ? (
        <Skeleton lines={2} />
      ) : cases.isError ? (
        <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('studentCases.empty', { name })}</EmptyState>
      ) : (
        <ul className="plain-list records">
          {items.map((c) => (
            <li key={c.id}>
              <p className="record-title">
                <Link to={`/casussen/${c.id}`}>{c.state_name}</Link>{' '}
                {c.closed_at ? (
                  <span className="status status-closed">{t('studentCases.closed')}</span>
                ) : null}
              </p>
              <p className="meta">
                {t('studentCases.opened')} <Day iso={c.opened_at} />
                {c.coordinator ? ` · ${t('board.coordinator', { name: c.coordinator.name })}` : ''}
              </p>
              {c.next_deadline && !c.closed_at ? (
                <p className="meta">
                  {c.next_deadline_label ?? t('board.deadline')}: <Day iso={c.next_deadline} />
                  {c.overdue ? (
                    <>
                      {' '}
                      <Overdue />
                    </>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
