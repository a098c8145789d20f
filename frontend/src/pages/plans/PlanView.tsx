import { useTranslation } from 'react-i18next';
import type { Plan, PlanRow } from '../../api/hgw';
import { formatShortDate } from '../../lib/dates';
import { fullName } from '../../lib/names';

export function studentNames(plan: Plan): Map<string, string> {
  return new Map(plan.students.map((s) => [s.id, fullName(s)]));
}

/** The plan as the group's teachers read it (and everyone once it is no longer a draft). */
export function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const names = studentNames(plan);
  const rows = [...plan.rows].sort((a, b) => a.position - b.position);
  return (
    <div className="plan-view stack">
      <section className="panel" aria-labelledby="plan-group">
        <h2 id="plan-group">{t('plan.wholeGroupTitle')}</h2>
        <dl className="details">
          <dt>{t('plan.type')}</dt>
          <dd>{t(`hgw.planType.${plan.plan_type}`)}</dd>
          {plan.week_schedule ? (
            <>
              <dt>{t('plan.weekSchedule')}</dt>
              <dd className="pre">{plan.week_schedule}</dd>
            </>
          ) : null}
        </dl>
        {plan.attention_points.length > 0 ? (
          <>
            <h3 className="subheading">{t('plan.attentionPoints')}</h3>
            <ul className="plain-list">
              {plan.attention_points.map((a) => (
                <li key={`${a.domain}${a.description}`}>
                  <strong>{a.description}</strong> ({t(`hgw.domain.${a.domain}`)})
                  {a.goal ? ` · ${a.goal}` : ''}
                  {a.activities ? ` · ${a.activities}` : ''}
                  {a.who_when ? ` · ${a.who_when}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <h2>{t('plan.rows')}</h2>
      <ol className="plain-list plan-rows">
        {rows.map((row) => (
          <li key={row.id}>
            <RowView row={row} names={names} />
          </li>
        ))}
      </ol>
      {plan.midterm_review ? (
        <section className="panel" aria-labelledby="plan-midterm">
          <h2 id="plan-midterm">{t('plan.midterm')}</h2>
          <p className="pre">{plan.midterm_review}</p>
        </section>
      ) : null}
      {plan.final_evaluation ? (
        <section className="panel" aria-labelledby="plan-final">
          <h2 id="plan-final">{t('plan.finalEvaluation')}</h2>
          <p className="pre">{plan.final_evaluation}</p>
        </section>
      ) : null}
    </div>
  );
}

function RowView({ row, names }: { row: PlanRow; names: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation();
  const fields = [
    'content',
    'approach',
    'organisation',
    'delivered_by',
    'evaluation_plan',
  ] as const;
  return (
    <article
      className="panel row-card"
      aria-label={`${t(`hgw.rowTarget.${row.target}`)}: ${row.name}`}
    >
      <h3>
        {t(`hgw.rowTarget.${row.target}`)}: {row.name}
      </h3>
      <p className="meta">
        {row.target === 'basis'
          ? t('plan.wholeGroup')
          : row.student_ids.map((id) => names.get(id) ?? t('plan.unknownStudent')).join(', ')}
        {' · '}
        {t(`hgw.domain.${row.domain}`)}
        {row.delivery_mode ? ` · ${t(`hgw.deliveryMode.${row.delivery_mode}`)}` : ''}
      </p>
      <h4 className="subheading">{t('plan.goals')}</h4>
      <ul className="goal-list">
        {row.goals.map((g) => (
          <li key={g.id}>
            {g.text}
            {g.measure ? <span className="meta"> · {g.measure}</span> : null}
            {g.target_date ? (
              <span className="meta"> · {formatShortDate(g.target_date, i18n.language)}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <dl className="details">
        {fields
          .filter((f) => row[f])
          .map((f) => (
            <div key={f} className="details-row">
              <dt>{t(`plan.fields.${f}`)}</dt>
              <dd className="pre">{row[f]}</dd>
            </div>
          ))}
      </dl>
      {row.continuation ? <RowEvaluationView row={row} names={names} /> : null}
    </article>
  );
}

function RowEvaluationView({ row, names }: { row: PlanRow; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const goal = (id: string) => row.goals.find((g) => g.id === id)?.text ?? '';
  return (
    <div className="row-evaluation">
      <h4 className="subheading">{t('plan.evaluation')}</h4>
      <p>
        {row.activities_done ? t('evaluation.activitiesDone') : t('evaluation.activitiesNotDone')}
        {row.continuation ? ` · ${t(`hgw.continuation.${row.continuation}`)}` : ''}
      </p>
      {row.outcomes.length > 0 ? (
        <ul className="plain-list compact">
          {row.outcomes.map((o) => (
            <li key={`${o.student_id}${o.goal_id}`}>
              {names.get(o.student_id) ?? t('plan.unknownStudent')} – {goal(o.goal_id)}:{' '}
              <strong>{t(`hgw.goalResult.${o.result}`)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {row.causes ? <p className="pre">{row.causes}</p> : null}
    </div>
  );
}
