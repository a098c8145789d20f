import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePlan } from '../../api/hgw';
import { isProblem } from '../../api/problem';
import { Page } from '../../components/Page';
import { ProblemAlert, Skeleton } from '../../components/States';
import { formatShortDate } from '../../lib/dates';
import { NotFoundPage } from '../NotFoundPage';
import { studentNames } from './PlanView';

/** The light plan on one A4 page (landscape) for the class folder: print it, or take the PDF. */
export function PlanPrintPage() {
  const { t, i18n } = useTranslation();
  const { planId = '' } = useParams();
  const plan = usePlan(planId);

  if (plan.isPending) return <Skeleton lines={8} />;
  if (plan.isError) {
    if (isProblem(plan.error, 404) || isProblem(plan.error, 422)) return <NotFoundPage />;
    return <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  const p = plan.data;
  const names = studentNames(p);
  const rows = [...p.rows].sort((a, b) => a.position - b.position);
  const fields = ['content', 'approach', 'organisation', 'evaluation_plan'] as const;

  return (
    <Page
      title={t('plan.title', { group: p.group_name, period: p.period_name })}
      lead={`${formatShortDate(p.starts_on, i18n.language)} – ${formatShortDate(p.ends_on, i18n.language)} · ${t(`hgw.planStatus.${p.status}`)} · ${p.author_name}`}
      actions={
        <div className="action-bar no-print">
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t('print.print')}
          </button>
          <a className="button secondary" href={`/api/v1/plans/${p.id}/print.pdf`}>
            {t('print.pdf')}
          </a>
          <Link className="button link" to={`/groepsplannen/${p.id}`}>
            {t('print.back')}
          </Link>
        </div>
      }
    >
      <div className="plan-print">
        {p.attention_points.length > 0 ? (
          <p className="print-attention">
            <strong>{t('plan.attentionPoints')}:</strong>{' '}
            {p.attention_points.map((a) => a.description).join(' · ')}
          </p>
        ) : null}
        <table className="print-table">
          <caption className="visually-hidden">
            {t('print.caption', { group: p.group_name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('print.who')}</th>
              <th scope="col">{t('plan.goals')}</th>
              {fields.map((f) => (
                <th scope="col" key={f}>
                  {t(`plan.fields.${f}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.name}
                  <span className="print-members">
                    {row.target === 'basis'
                      ? t('plan.wholeGroup')
                      : row.student_ids.map((id) => names.get(id) ?? '?').join(', ')}
                  </span>
                </th>
                <td>
                  <ul className="goal-list">
                    {row.goals.map((g) => (
                      <li key={g.id}>{g.text}</li>
                    ))}
                  </ul>
                </td>
                {fields.map((f) => (
                  <td key={f} className="pre">
                    {f === 'organisation'
                      ? [
                          row.delivery_mode ? t(`hgw.deliveryMode.${row.delivery_mode}`) : '',
                          row.organisation,
                          row.delivered_by,
                        ]
                          .filter(Boolean)
                          .join('\n')
                      : row[f]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {p.week_schedule ? (
          <p className="print-attention pre">
            <strong>{t('plan.weekSchedule')}:</strong> {p.week_schedule}
          </p>
        ) : null}
      </div>
    </Page>
  );
}
