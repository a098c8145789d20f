import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type GiftedOverview,
  type GiftedStudentRow,
  type Term,
  useGiftedOverview,
  useGiftedVocabulary,
} from '../../api/gifted';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { percent, referenceCount, signed } from '../../lib/gifted';
import { todayIso } from '../../lib/hgw';
import type { MySchool } from '../../session/useMe';
import { Overdue } from '../care/bits';
import { labelOf } from './bits';

/** The HB overview (Begaafdheid): counters (signalled next to the ~2.5% reference, which is
 * not a quota), and every signalled or observed student with their recommendation, open
 * follow-up, applications, offerings, goals, next review and outcomes. */
export function GiftedOverviewPage({ school }: { school: MySchool }) {
  const { t } = useTranslation('gifted');
  const overview = useGiftedOverview(school.id);
  const vocabulary = useGiftedVocabulary();
  return (
    <Page
      title={t('overview.title')}
      lead={t('overview.lead', { school: school.name })}
      actions={
        <>
          <Link className="button secondary" to={`/scholen/${school.id}/aanbod`}>
            {t('overview.links.offerings')}
          </Link>
          <Link className="button secondary" to={`/scholen/${school.id}/keuze-uren`}>
            {t('overview.links.choiceHours')}
          </Link>
        </>
      }
    >
      {overview.isPending ? (
        <Skeleton lines={8} />
      ) : overview.isError ? (
        <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <div className="stack">
          <Counters overview={overview.data} />
          <StudentTable
            rows={overview.data.students}
            recommendations={vocabulary.data?.recommendations}
          />
        </div>
      )}
    </Page>
  );
}

function Counters({ overview }: { overview: GiftedOverview }) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const counters: [string, number][] = [
    [t('overview.signalled'), overview.signalled],
    [t('overview.enrolled'), overview.enrolled],
    [t('overview.toObserve'), overview.to_observe],
    [t('overview.reviewsDue'), overview.reviews_due],
    [t('overview.applicationsOpen'), overview.applications_open],
  ];
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('overview.counters')}</h2>
      <dl className="card-grid">
        {counters.map(([term, value]) => (
          <div key={term} className="card">
            <dt className="card-meta">{term}</dt>
            <dd className="card-title">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {t('overview.reference', {
          percent: percent(overview.reference_share, i18n.language),
          count: overview.student_count,
          reference: referenceCount(overview.student_count, overview.reference_share),
        })}
      </p>
    </section>
  );
}

/** "Plusklas: submitted" with the status in words. */
function applicationText(text: string, status: (code: string) => string | null): string {
  const at = text.lastIndexOf(': ');
  if (at < 0) return text;
  const words = status(text.slice(at + 2));
  return words ? `${text.slice(0, at)}: ${words}` : text;
}

const STATUSES = ['draft', 'submitted', 'admitted', 'waitlisted', 'rejected', 'withdrawn'] as const;
type Status = (typeof STATUSES)[number];

function StudentTable({
  rows,
  recommendations,
}: {
  rows: readonly GiftedStudentRow[];
  recommendations: readonly Term[] | undefined;
}) {
  const { t, i18n } = useTranslation('gifted');
  const id = useId();
  const [filter, setFilter] = useState('');
  const today = todayIso();
  const showTwice = rows.some((r) => r.twice_exceptional !== null);
  const query = filter.trim().toLowerCase();
  const shown = query
    ? rows.filter(
        (r) => r.name.toLowerCase().includes(query) || r.group_name.toLowerCase().includes(query),
      )
    : rows;
  const status = (code: string) =>
    (STATUSES as readonly string[]).includes(code)
      ? t(`applications.status.${code as Status}`)
      : null;
  const followUp = (code: string) =>
    code === 'review' || code === 'specialist_task'
      ? t(`followUp.kind.${code}`)
      : code === 'specialist_observation'
        ? t('followUp.kind.specialist_task')
        : code;
  const day = (iso: string) => formatShortDate(iso, i18n.language);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('overview.students')}</h2>
      {rows.length === 0 ? (
        <EmptyState>{t('overview.empty')}</EmptyState>
      ) : (
        <>
          <div className="toolbar field">
            <label htmlFor={`${id}-filter`}>{t('overview.filter')}</label>
            <input
              id={`${id}-filter`}
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          <div className="grid-scroller">
            <table className="table">
              <caption className="visually-hidden">{t('overview.students')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('overview.col.name')}</th>
                  <th scope="col">{t('overview.col.group')}</th>
                  {showTwice ? <th scope="col">{t('overview.col.twiceExceptional')}</th> : null}
                  <th scope="col">{t('overview.col.recommendation')}</th>
                  <th scope="col">{t('overview.col.followUp')}</th>
                  <th scope="col">{t('overview.col.applications')}</th>
                  <th scope="col">{t('overview.col.offerings')}</th>
                  <th scope="col" className="numeric">
                    {t('overview.col.goals')}
                  </th>
                  <th scope="col">{t('overview.col.review')}</th>
                  <th scope="col" className="numeric">
                    {t('overview.col.change')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('overview.col.exits')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.student_id}>
                    <th scope="row">
                      <Link to={`/leerlingen/${r.student_id}/begaafdheid`}>{r.name}</Link>
                      {r.underachievement_suspected ? (
                        <span className="meta"> ({t('overview.underachievement')})</span>
                      ) : null}
                    </th>
                    <td>{r.group_name}</td>
                    {showTwice ? (
                      <td>
                        {r.twice_exceptional === null
                          ? ''
                          : r.twice_exceptional
                            ? t('common.yes')
                            : t('common.no')}
                      </td>
                    ) : null}
                    <td>
                      {r.latest_recommendation
                        ? labelOf(recommendations, r.latest_recommendation)
                        : t('common.none')}
                      {r.observed_on ? (
                        <span className="meta">
                          {' '}
                          ({t('overview.observedOn', { date: day(r.observed_on) })})
                        </span>
                      ) : null}
                    </td>
                    <td>{r.open_follow_up ? followUp(r.open_follow_up) : t('common.none')}</td>
                    <td>
                      {r.applications.length > 0
                        ? r.applications.map((a) => applicationText(a, status)).join('; ')
                        : t('common.none')}
                    </td>
                    <td>{r.offerings.length > 0 ? r.offerings.join(', ') : t('common.none')}</td>
                    <td className="numeric">
                      {r.goals_total > 0
                        ? t('overview.goals', { achieved: r.goals_achieved, total: r.goals_total })
                        : t('common.none')}
                    </td>
                    <td>
                      {r.next_review_on ? (
                        <>
                          {day(r.next_review_on)}
                          {r.next_review_on < today ? (
                            <>
                              {' '}
                              <Overdue />
                            </>
                          ) : null}
                        </>
                      ) : (
                        t('common.none')
                      )}
                    </td>
                    <td className="numeric" title={t('overview.changeHint')}>
                      {r.measurement_change === null
                        ? t('common.none')
                        : signed(r.measurement_change, i18n.language)}
                    </td>
                    <td className="numeric">{r.exits_goals_met}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">
            {t('overview.col.change')}: {t('overview.changeHint')}.
          </p>
        </>
      )}
    </section>
  );
}
