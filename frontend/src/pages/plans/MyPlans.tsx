import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlans } from '../../api/hgw';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';

/** "Groepsplannen" on Mijn groepen: the plans I work with (teachers see the active ones). */
export function MyPlans({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation();
  const plans = usePlans(schoolId);
  const items = plans.data ?? [];
  return (
    <section className="page-section" aria-labelledby="my-plans">
      <h2 id="my-plans">{t('myPlans.title')}</h2>
      {plans.isPending ? (
        <Skeleton lines={2} />
      ) : plans.isError ? (
        <ProblemAlert error={plans.error} onRetry={() => void plans.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('myPlans.empty')}</EmptyState>
      ) : (
        <ul className="plain-list result-list">
          {items.map((plan) => (
            <li key={plan.id}>
              <Link to={`/groepsplannen/${plan.id}`}>
                {t('myPlans.name', { group: plan.group_name, period: plan.period_name })}
                {plan.subject ? ` · ${plan.subject}` : ''}
              </Link>
              <span className="meta">
                <span className={`status status-${plan.status}`}>
                  {t(`hgw.planStatus.${plan.status}`)}
                </span>{' '}
                {formatShortDate(plan.starts_on, i18n.language)} –{' '}
                {formatShortDate(plan.ends_on, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
