import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type CareDeadline,
  type CareDashboard as Dashboard,
  useCareDashboard,
} from '../../api/cases';
import { isProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { EmptyState, ProblemAlert, Skeleton } from '../../components/States';
import { byUrgency, SWV_NORM_DAYS } from '../../lib/care';
import type { MySchool } from '../../session/useMe';
import { Day, Overdue } from './bits';

/** "Wat staat er open in de zorg" as a page of its own, next to the Zorgbord. */
export function CareDashboardPage({ school }: { school: MySchool }) {
  const { t } = useTranslation('care');
  return (
    <Page title={t('dashboard.title')} lead={t('dashboard.lead', { school: school.name })}>
      <p className="meta">
        <Link to={`/scholen/${school.id}/zorg`}>{t('dashboard.toBoard')}</Link>
      </p>
      <CareDashboard schoolId={school.id} />
    </Page>
  );
}

const KINDS = [
  'case_evaluation',
  'action_item',
  'intervention_evaluation',
  'registration_waiting',
  'swv_start',
  'opp_due',
  'discussion_waiting',
] as const;

/** What needs doing in the care route: evaluation dates, action items, registrations waiting
 * for screening, arrangements waiting to start, OPPs due — overdue first, marked in words. With
 * the lead times the school is held to (the SWV: a start within 8 weeks). */
export function CareDashboard({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation('care');
  const id = useId();
  const [params, setParams] = useSearchParams();
  const mine = params.get('mijn') === '1';
  const dashboard = useCareDashboard(schoolId, mine);
  if (dashboard.isError && (isProblem(dashboard.error, 403) || isProblem(dashboard.error, 404)))
    return null;
  return (
    <div className="stack care-dashboard">
      <section className="panel" aria-labelledby={`${id}-items`}>
        <h2 id={`${id}-items`}>{t('dashboard.items')}</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={mine}
            onChange={(e) =>
              setParams(
                (p) => {
                  const next = new URLSearchParams(p);
                  if (e.target.checked) next.set('mijn', '1');
                  else next.delete('mijn');
                  return next;
                },
                { replace: true },
              )
            }
          />
          {t('dashboard.mine')}
        </label>
        {dashboard.isPending ? (
          <Skeleton lines={4} />
        ) : dashboard.isError ? (
          <ProblemAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        ) : (
          <Items items={dashboard.data.items} mine={mine} />
        )}
      </section>
      {dashboard.data ? <Metrics metrics={dashboard.data.metrics} /> : null}
    </div>
  );
}

function linkOf(item: CareDeadline): string {
  return item.case_id ? `/casussen/${item.case_id}` : `/leerlingen/${item.student_id}`;
}

function Items({ items, mine }: { items: readonly CareDeadline[]; mine: boolean }) {
  const { t } = useTranslation('care');
  const sorted = byUrgency(items);
  if (sorted.length === 0)
    return <EmptyState>{mine ? t('dashboard.emptyMine') : t('dashboard.empty')}</EmptyState>;
  return (
    <ul className="plain-list deadline-list">
      {sorted.map((item) => (
        <li
          key={`${item.kind}-${item.record_id}`}
          className={item.overdue ? 'deadline overdue' : 'deadline'}
        >
          <p className="deadline-what">
            <Link to={linkOf(item)}>{item.student_name}</Link>
            <span className="deadline-kind">
              {KINDS.includes(item.kind) ? t(`dashboard.kind.${item.kind}`) : item.kind}
              {item.title ? `: ${item.title}` : ''}
            </span>
            {item.owner || item.mine ? (
              <span className="deadline-kind">
                {item.owner ? t('dashboard.owner', { name: item.owner }) : null}
                {item.mine ? (
                  <>
                    {' '}
                    <span className="status">{t('dashboard.you')}</span>
                  </>
                ) : null}
              </span>
            ) : null}
          </p>
          <p className="deadline-when">
            {item.overdue ? (
              <Overdue>{t('dashboard.daysOverdue', { count: item.days_overdue })}</Overdue>
            ) : null}{' '}
            {t('dashboard.dueOn')} <Day iso={item.due_on} />
          </p>
        </li>
      ))}
    </ul>
  );
}

function Metrics({ metrics: m }: { metrics: Dashboard['metrics'] }) {
  const { t } = useTranslation('care');
  const id = useId();
  const days = (value: number | null) =>
    value === null ? t('dashboard.noData') : t('dashboard.days', { count: Math.round(value) });
  const swvOver =
    m.swv_request_to_start_days !== null && m.swv_request_to_start_days > SWV_NORM_DAYS;
  return (
    <section className="panel metrics" aria-labelledby={`${id}-metrics`}>
      <h2 id={`${id}-metrics`}>{t('dashboard.metrics')}</h2>
      <dl className="details">
        <dt>{t('dashboard.openCases')}</dt>
        <dd>{m.open_cases}</dd>
        <dt>{t('dashboard.registrationToDiscussion')}</dt>
        <dd>{days(m.registration_to_first_discussion_days)}</dd>
        <dt>{t('dashboard.swvToStart')}</dt>
        <dd>
          {days(m.swv_request_to_start_days)} <span className="meta">{t('dashboard.swvNorm')}</span>{' '}
          {swvOver ? <Overdue>{t('dashboard.overNorm')}</Overdue> : null}
        </dd>
        <dt>{t('dashboard.swvOverNorm')}</dt>
        <dd>
          {m.swv_requests_over_norm > 0 ? (
            <Overdue>{t('dashboard.requests', { count: m.swv_requests_over_norm })}</Overdue>
          ) : (
            t('dashboard.requests', { count: 0 })
          )}
        </dd>
      </dl>
    </section>
  );
}
