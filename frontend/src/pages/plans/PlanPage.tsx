import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Plan, usePlan } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { NotFoundPage } from '../NotFoundPage';
import { Amendments } from './Amendments';
import { IndividualPlans } from './IndividualPlans';
import { PlanDraftForm } from './PlanDraftForm';
import { PlanEvaluationForm } from './PlanEvaluationForm';
import { ArchivePlan, MidtermReviewForm } from './PlanSteps';
import { PlanView } from './PlanView';

/** Groepsplan: a draft is edited by its author; an active plan is read by the group's teachers,
 * reviewed halfway, evaluated per student and goal, and archived. Individual plans (IHP) of
 * students of the group hang under it. */
export function PlanPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const [params] = useSearchParams();
  const plan = usePlan(planId);

  if (plan.isPending) return <Skeleton lines={8} />;
  if (plan.isError) {
    if (isProblem(plan.error, 404) || isProblem(plan.error, 422)) return <NotFoundPage />;
    return <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  const p = plan.data;
  const running = p.status === 'active' || p.status === 'midterm_reviewed';
  const midtermDue = p.midterm_review_required && !p.midterm_reviewed_at && p.status !== 'draft';

  return (
    <Page
      title={t('plan.title', { group: p.group_name, period: p.period_name })}
      lead={<PlanLead plan={p} />}
      actions={
        <Link className="button secondary" to={`/groepsplannen/${p.id}/afdrukken`}>
          {t('plan.print')}
        </Link>
      }
    >
      <p className="meta">
        <Link to={`/groepsoverzichten/${p.overview_id}`}>
          {t('plan.backToOverview', { group: p.group_name })}
        </Link>
      </p>
      {p.midterm_review_required && p.status === 'draft' ? (
        <p className="alert alert-info">{t('plan.midtermRequired', { weeks: p.weeks })}</p>
      ) : null}
      {midtermDue && running ? (
        <p className="alert alert-info">{t('plan.midtermDue', { weeks: p.weeks })}</p>
      ) : null}
      {p.editable && p.status === 'draft' && p.hints.length > 0 ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-title">{t('plan.hintsTitle')}</p>
          <ul>
            {p.hints.map((h) => (
              <li key={`${h.code}${h.pointer}`}>{h.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!p.editable && p.status !== 'archived' ? (
        <p className="alert alert-info">{t('plan.readOnly')}</p>
      ) : null}
      {p.editable && p.status === 'draft' ? (
        <div className="stack">
          <PlanDraftForm key={p.id} plan={p} />
          <IndividualPlans plan={p} />
        </div>
      ) : (
        <div className="stack">
          <PlanView plan={p} />
          <IndividualPlans plan={p} />
          {p.editable && p.status === 'active' ? <MidtermReviewForm plan={p} /> : null}
          {p.editable && running ? (
            <PlanEvaluationForm plan={p} open={params.get('evalueren') === '1'} />
          ) : null}
          {p.editable && p.status === 'evaluated' ? <ArchivePlan plan={p} /> : null}
          <Amendments plan={p} canAdd={p.editable && running} />
        </div>
      )}
    </Page>
  );
}

function PlanLead({ plan: p }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t('plan.lead', {
        from: formatShortDate(p.starts_on, i18n.language),
        to: formatShortDate(p.ends_on, i18n.language),
        weeks: Math.round(p.weeks),
        author: p.author_name,
      })}{' '}
      <span className={`status status-${p.status}`}>{t(`hgw.planStatus.${p.status}`)}</span>
    </>
  );
}
