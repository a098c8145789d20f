import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  type Enrolment,
  type OfferingImpact,
  useOffering,
  useOfferingEnrolments,
  useOfferingImpact,
} from '../../../api/offerings';
import { Page } from '../../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../../components/States';
import { formatChange, formatMean, goalsAchieved, inClassPlanGaps } from '../../../lib/offerings';
import { Day, Overdue } from '../../care/bits';

/** "Deelnemers en opbrengsten" of one offering: the enrolments with goals achieved and the next
 * review, and the impact report (per construct n, first and last mean, change; small cells
 * suppressed), with its notice that this is descriptive, not causal. */
export function ParticipantsPage() {
  const { offeringId = '' } = useParams();
  const { t } = useTranslation('offerings');
  const offering = useOffering(offeringId);
  const enrolments = useOfferingEnrolments(offeringId);
  const impact = useOfferingImpact(offeringId);
  const ids = useId();
  const name = offering.data?.name ?? impact.data?.offering_name ?? '';
  const { hash } = useLocation();

  // "Opbrengsten" on the catalogue card links here with #opbrengsten.
  useEffect(() => {
    if (hash === '#opbrengsten' && impact.isSuccess)
      document.getElementById('opbrengsten')?.scrollIntoView();
  }, [hash, impact.isSuccess]);

  return (
    <Page title={t('participants.title', { name })}>
      {offering.data ? (
        <p className="meta">
          <Link to={`/scholen/${offering.data.school_id}/aanbod`}>{t('common.back')}</Link>
          {' · '}
          <Link to={`/aanbod/${offeringId}/aanmeldingen`}>{t('card.applications')}</Link>
        </p>
      ) : null}
      <section className="page-section" aria-labelledby={`${ids}-enrolments`}>
        <h2 id={`${ids}-enrolments`}>{t('participants.enrolments')}</h2>
        {enrolments.isPending ? (
          <Skeleton lines={5} />
        ) : enrolments.isError ? (
          <ProblemAlert error={enrolments.error} onRetry={() => void enrolments.refetch()} />
        ) : enrolments.data.length === 0 ? (
          <EmptyState>{t('participants.empty')}</EmptyState>
        ) : (
          <EnrolmentsTable enrolments={enrolments.data} name={name} />
        )}
      </section>
      <section className="page-section" aria-labelledby="opbrengsten">
        <h2 id="opbrengsten" tabIndex={-1}>
          {t('participants.impact')}
        </h2>
        {impact.isPending ? (
          <Skeleton lines={5} />
        ) : impact.isError ? (
          <ProblemAlert error={impact.error} onRetry={() => void impact.refetch()} />
        ) : (
          <Impact impact={impact.data} />
        )}
      </section>
    </Page>
  );
}

function EnrolmentsTable({ enrolments, name }: { enrolments: readonly Enrolment[]; name: string }) {
  const { t } = useTranslation('offerings');
  const sorted = [...enrolments].sort(
    (a, b) =>
      (a.status === 'active' ? 0 : 1) - (b.status === 'active' ? 0 : 1) ||
      a.student_name.localeCompare(b.student_name, 'nl'),
  );
  return (
    <table className="table">
      <caption className="visually-hidden">{t('participants.caption', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('participants.student')}</th>
          <th scope="col">{t('participants.status')}</th>
          <th scope="col" className="numeric">
            {t('participants.goals')}
          </th>
          <th scope="col">{t('participants.nextReview')}</th>
          <th scope="col">{t('participants.plan')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((e) => {
          const count = goalsAchieved(e.goals);
          const planOk = e.in_class_plan.complete && inClassPlanGaps(e.in_class_plan).length === 0;
          return (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/deelnames/${e.id}`}>{e.student_name}</Link>
              </th>
              <td>
                {t(`enrolment.status.${e.status}`)}
                {e.exit_reason ? ` (${t(`exitReason.${e.exit_reason}`)})` : ''}
              </td>
              <td className="numeric">
                {t('enrolment.goalsCount', { achieved: count.achieved, total: count.total })}
              </td>
              <td>
                {e.status === 'active' && e.next_review_on ? (
                  <>
                    <Day iso={e.next_review_on} />
                    {e.review_overdue ? (
                      <>
                        {' '}
                        <Overdue>{t('enrolment.reviewOverdue')}</Overdue>
                      </>
                    ) : null}
                  </>
                ) : (
                  t('common.none')
                )}
              </td>
              <td>
                {planOk ? (
                  t('participants.planOk')
                ) : (
                  <span className="status status-unsigned">{t('participants.planMissing')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Impact({ impact }: { impact: OfferingImpact }) {
  const { t, i18n } = useTranslation('offerings');
  const lang = i18n.language;
  const suppressedAny = impact.constructs.some((c) => c.suppressed);
  return (
    <>
      {impact.notice ? <p className="alert alert-info impact-notice">{impact.notice}</p> : null}
      <p>
        {t('participants.measured', {
          measured: impact.measured,
          participants: impact.participants,
        })}{' '}
        {impact.exits > 0
          ? t('participants.exits', { goals: impact.goals_met_exits, exits: impact.exits })
          : null}
      </p>
      {impact.constructs.length === 0 ? (
        <EmptyState>{t('participants.noImpact')}</EmptyState>
      ) : (
        <>
          <table className="table">
            <caption>{t('participants.impactCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.construct')}</th>
                <th scope="col" className="numeric">
                  {t('participants.n')}
                </th>
                <th scope="col" className="numeric">
                  {t('participants.firstMean')}
                </th>
                <th scope="col" className="numeric">
                  {t('participants.lastMean')}
                </th>
                <th scope="col" className="numeric">
                  {t('participants.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {impact.constructs.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.label}</th>
                  <td className="numeric">{c.students}</td>
                  {c.suppressed ? (
                    <td className="numeric" colSpan={3}>
                      <span className="status status-archived">{t('participants.suppressed')}</span>
                    </td>
                  ) : (
                    <>
                      <td className="numeric">
                        {c.first_mean === null ? t('common.none') : formatMean(c.first_mean, lang)}
                      </td>
                      <td className="numeric">
                        {c.last_mean === null ? t('common.none') : formatMean(c.last_mean, lang)}
                      </td>
                      <td className="numeric">
                        {c.mean_change === null
                          ? t('common.none')
                          : formatChange(c.mean_change, lang)}
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {suppressedAny ? (
            <p className="hint">
              {t('participants.suppressedHint', { count: impact.minimum_cell })}
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
