import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Deadline, useDeadlines } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';

/** Overdue first, then the soonest (the API sorts so too; the screen does not rely on it). */
export function byUrgency(items: readonly Deadline[]): Deadline[] {
  return [...items].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || a.due_on.localeCompare(b.due_on),
  );
}

function linkOf(item: Deadline): string | null {
  if (item.kind === 'opp_due' || item.kind === 'opp_evaluation_due')
    return item.student_id ? `/leerlingen/${item.student_id}` : null;
  return `/groepsplannen/${item.ref_id}`;
}

/** "Wat staat er open": OPPs and group plans that are due soon or overdue, for the students and
 * groups you are responsible for (the API decides which). Not for you: nothing is shown. */
export function Deadlines({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const deadlines = useDeadlines(schoolId);
  if (deadlines.isError && (isProblem(deadlines.error, 403) || isProblem(deadlines.error, 404)))
    return null;
  const items = byUrgency(deadlines.data ?? []);
  return (
    <section className="panel deadlines" aria-labelledby="deadlines">
      <h2 id="deadlines">{t('deadlines.title')}</h2>
      {deadlines.isPending ? (
        <Skeleton lines={2} />
      ) : deadlines.isError ? (
        <ProblemAlert error={deadlines.error} onRetry={() => void deadlines.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('deadlines.empty')}</EmptyState>
      ) : (
        <ul className="plain-list deadline-list">
          {items.map((item) => {
            const to = linkOf(item);
            const who =
              item.student_name ??
              (item.group_name ? t('deadlines.plan', { group: item.group_name }) : '');
            return (
              <li
                key={`${item.kind}-${item.ref_id}`}
                className={item.overdue ? 'deadline overdue' : 'deadline'}
              >
                <p className="deadline-what">
                  {to ? <Link to={to}>{who}</Link> : who}
                  <span className="deadline-kind">{t(`deadlines.kind.${item.kind}`)}</span>
                </p>
                <p className="deadline-when">
                  {item.overdue ? (
                    <span className="status status-overdue">{t('deadlines.overdue')}</span>
                  ) : null}{' '}
                  <time dateTime={item.due_on}>
                    {t('deadlines.dueOn', { date: formatShortDate(item.due_on, i18n.language) })}
                  </time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
