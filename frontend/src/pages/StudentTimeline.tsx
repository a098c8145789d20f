import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeline } from '../api/hgw';
import { isProblem } from '../api/problem';
import { EmptyState, ProblemAlert, Skeleton } from '../components/States';
import { formatDate } from '../lib/dates';

/** The student's timeline: signals, needs (with the student's own words), plans, decisions. */
export function StudentTimeline({ studentId, name }: { studentId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(studentId);
  const items = timeline.data ?? [];
  return (
    <section className="panel timeline" aria-labelledby="timeline">
      <h2 id="timeline">{t('student.timeline')}</h2>
      {timeline.isPending ? (
        <Skeleton lines={3} />
      ) : timeline.isError ? (
        // Not allowed: say so, and nothing more about what there might be.
        isProblem(timeline.error, 403) || isProblem(timeline.error, 404) ? (
          <p className="muted">{t('timeline.forbidden')}</p>
        ) : (
          <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
        )
      ) : items.length === 0 ? (
        <EmptyState>{t('student.timelineEmpty', { name })}</EmptyState>
      ) : (
        <ol className="timeline-list">
          {items.map((item) => (
            <li key={`${item.kind}-${item.ref_id}`} className={`timeline-item kind-${item.kind}`}>
              <p className="timeline-meta">
                <span className="kind-badge">{t(`timeline.kind.${item.kind}`)}</span>
                <time dateTime={item.at}>{formatDate(item.at, i18n.language)}</time>
              </p>
              <h3 className="timeline-title">
                {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
              </h3>
              {item.summary ? <p className="pre">{item.summary}</p> : null}
              {item.student_words ? (
                <figure className="student-words">
                  <blockquote>
                    <p className="pre">{item.student_words}</p>
                  </blockquote>
                  <figcaption>{t('timeline.studentWords', { name })}</figcaption>
                </figure>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
